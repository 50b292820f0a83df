package io.sitedeck.sandbox;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/**
 * Writes sandbox state with the reference's field names, as real accounts send it: entity
 * timestamps end in {@code +00:00}, history timestamps in {@code Z}; RTD values are strings;
 * subnet devices say IP_SUBNET; empty {@code details}, {@code type} and {@code user_data} are left out.
 */
final class SandboxJson {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final DateTimeFormatter OFFSET = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssxxx")
            .withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter ZULU = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'Z'")
            .withZone(ZoneOffset.UTC);

    private SandboxJson() {
    }

    static ObjectNode object() {
        return NODES.objectNode();
    }

    static ArrayNode array() {
        return NODES.arrayNode();
    }

    static String entityTime(Instant instant) {
        return instant == null ? null : OFFSET.format(instant);
    }

    static String seriesTime(Instant instant) {
        return ZULU.format(instant);
    }

    static String ms(double value) {
        return String.format(Locale.ROOT, "%.2f", value);
    }

    static ObjectNode agentBase(SandboxAgent agent) {
        ObjectNode json = object();
        ObjectNode access = json.putObject("access_right");
        access.put("api_enabled", agent.apiEnabled);
        if (agent.grantingUser != null) {
            access.putObject("granting_user").put("name", agent.grantingUser);
        }
        access.put("status", agent.accessStatus);
        json.put("creation_time", entityTime(agent.creationTime));
        json.put("display_name", agent.displayName);
        json.put("id", agent.id);
        ObjectNode licence = json.putObject("licence");
        licence.put("activation_time", entityTime(agent.licenceActivation));
        licence.put("bound_mac_address", agent.boundMac);
        licence.put("code", agent.licenceCode);
        licence.put("expiration_time", entityTime(agent.licenceExpiration));
        licence.put("id", agent.licenceId);
        ObjectNode status = json.putObject("status");
        status.put("last_change", entityTime(agent.statusChange));
        status.put("value", agent.status);
        ObjectNode team = json.putObject("team");
        team.putObject("area").put("id", agent.areaId);
        team.put("id", agent.teamId);
        team.put("leader_id", agent.teamLeaderId);
        team.put("name", agent.teamName);
        json.put("timezone", agent.timezone);
        ObjectNode version = json.putObject("version");
        version.put("agent", agent.agentVersion);
        version.put("package", agent.packageVersion);
        return json;
    }

    static ObjectNode agentDetail(SandboxAgent agent) {
        ObjectNode json = agentBase(agent);
        json.put("listen_on", agent.listenOn);
        ObjectNode location = json.putObject("location");
        location.put("latitude", agent.latitude);
        location.put("longitude", agent.longitude);
        return json;
    }

    static ObjectNode device(SandboxDevice d) {
        ObjectNode json = object();
        if (d.authenticationStatus != null) {
            json.put("authentication_status", d.authenticationStatus);
        }
        if (d.hasDetails()) {
            ObjectNode details = json.putObject("details");
            putIfSet(details, "room", d.room);
            putIfSet(details, "snmp_read_community", d.snmpRead);
            putIfSet(details, "snmp_write_community", d.snmpWrite);
            putIfSet(details, "zone", d.zone);
        }
        json.put("display_name", d.displayName);
        json.put("first_seen_on", entityTime(d.firstSeenOn));
        json.put("id", d.id);
        json.put("importance", d.importance);
        if (d.mainId != null) {
            json.put("main_id", d.mainId);
        }
        json.put("protocol", switch (d.kind) {
            case LOCAL -> "IP";
            case SUBNET -> "IP_SUBNET";
            case EXTERNAL -> "IP_EXTERNAL";
            case DUMMY -> "DUMMY";
        });
        if (d.typeId != null || d.detectedId != null) {
            ObjectNode type = json.putObject("type");
            if (d.detectedId != null) {
                type.put("detected_id", d.detectedId);
            }
            if (d.typeId != null) {
                type.put("id", d.typeId);
            }
        }
        if (d.hasUserData()) {
            ObjectNode user = json.putObject("user_data");
            putIfSet(user, "model", d.userModel);
            putIfSet(user, "name", d.userName);
            if (d.userType != null) {
                user.put("type", d.userType);
            }
            putIfSet(user, "vendor", d.userVendor);
        }
        if (d.isIp()) {
            ipFields(json, d);
        }
        return json;
    }

    private static void ipFields(ObjectNode json, SandboxDevice d) {
        json.put("agent_reachable", d.agentReachable);
        json.put("grace_period", d.gracePeriod);
        ArrayNode ips = json.putArray("ip_addresses");
        d.ipAddresses.forEach(ips::add);
        json.put("last_status_change", entityTime(d.lastStatusChange));
        putIfSet(json, "model", d.model);
        json.put("status", d.status);
        putIfSet(json, "vendor", d.vendor);
        ObjectNode names = json.putObject("names");
        if (d.kind == SandboxDevice.Kind.LOCAL) {
            putIfSet(json, "hw_address", d.mac);
            json.put("is_jammed", d.jammed);
            putIfSet(names, "dhcp", d.nameDhcp);
        }
        if (d.kind != SandboxDevice.Kind.EXTERNAL) {
            putIfSet(names, "bonjour", d.nameBonjour);
            putIfSet(names, "snmp", d.nameSnmp);
            putIfSet(names, "upnp", d.nameUpnp);
        }
        putIfSet(names, "host", d.nameHost);
        putIfSet(names, "inspection", d.nameInspection);
    }

    static ObjectNode powerActions(SandboxDevice d) {
        ObjectNode json = object();
        boolean attached = d.power != SandboxCatalogue.Power.NONE;
        json.put("cycle", d.power == SandboxCatalogue.Power.PDU && d.poweredOn);
        json.put("off", attached && d.poweredOn);
        json.put("on", attached && !d.poweredOn);
        json.put("software_reboot", d.softwareReboot && "ONLINE".equals(d.status));
        return json;
    }

    static ObjectNode rtdStatistics(SandboxDevice d, List<SandboxHistories.RtdPoint> week,
                                    SandboxHistories.RtdPoint latest) {
        ObjectNode json = object();
        json.put("avg_max", ms(week.stream().mapToDouble(SandboxHistories.RtdPoint::max).average().orElse(0)));
        json.put("avg_median", ms(week.stream().mapToDouble(SandboxHistories.RtdPoint::median).average().orElse(0)));
        json.put("avg_min", ms(week.stream().mapToDouble(SandboxHistories.RtdPoint::min).average().orElse(0)));
        json.put("device_id", d.id);
        boolean down = !"ONLINE".equals(d.status);
        json.put("latest_lost_packet_count", down ? latest.sent() : latest.lost());
        json.put("latest_median", ms(latest.median()));
        json.put("latest_sent_packet_count", latest.sent());
        json.put("timestamp", entityTime(latest.at()));
        return json;
    }

    static ObjectNode rtdSample(SandboxHistories.RtdPoint p) {
        ObjectNode json = object();
        json.put("lost_packet_count", p.lost());
        json.put("max", ms(p.max()));
        json.put("median", ms(p.median()));
        json.put("min", ms(p.min()));
        json.put("sent_packet_count", p.sent());
        json.put("timestamp", seriesTime(p.at()));
        return json;
    }

    static ObjectNode statusEvent(SandboxHistories.StatusEvent e) {
        ObjectNode json = object();
        if (e.newIp() != null) {
            ObjectNode details = json.putObject("details");
            e.newIp().forEach(details.putArray("new_ip")::add);
            e.oldIp().forEach(details.putArray("old_ip")::add);
        }
        json.put("timestamp", seriesTime(e.at()));
        json.put("type", e.type());
        return json;
    }

    static ObjectNode agentEvent(SandboxHistories.AgentEvent e) {
        return object().put("timestamp", seriesTime(e.at())).put("type", e.type());
    }

    static ObjectNode speedSample(SandboxHistories.SpeedPoint p) {
        ObjectNode json = object().put("timestamp", seriesTime(p.at()));
        json.putArray("values").add(p.download()).add(p.upload());
        return json;
    }

    static void putIfSet(ObjectNode json, String name, String value) {
        if (value != null) {
            json.put(name, value);
        }
    }
}
