package io.sitedeck.devices;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.sitedeck.account.Role;
import io.sitedeck.console.DomotzActions;
import io.sitedeck.domotz.DomotzException;
import io.sitedeck.domotz.DomotzGateway;
import io.sitedeck.domotz.DomotzTarget;
import io.sitedeck.domotz.model.ConnectionProtocol;
import io.sitedeck.domotz.model.ConnectionRequest;
import io.sitedeck.domotz.model.ConnectionSession;
import io.sitedeck.domotz.model.DeviceCredentials;
import io.sitedeck.domotz.model.SnmpCommunity;
import io.sitedeck.shared.AgentIds;
import io.sitedeck.web.Htmx;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.regex.Pattern;
import org.jboss.resteasy.reactive.RestForm;

/**
 * Getting into a device: its credentials and SNMP communities (never echoed, logged or audited),
 * and remote connections through Domotz, whose link is shown once with its expiry.
 * TECHNICIAN or ADMIN; audited with the upstream result.
 */
@Path("/agents/{agentId}/devices/{deviceId}")
@RolesAllowed({Role.TECHNICIAN_NAME, Role.ADMIN_NAME})
public class DeviceAccessResource {

    private static final Pattern IPV4 = Pattern.compile(
            "((25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)\\.){3}(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)");

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance connection(String deviceUrl, ConnectionSession session, String warning);

        static native TemplateInstance connection$link(ConnectionSession session, String warning);
    }

    private final DomotzGateway gateway;
    private final DomotzActions actions;

    DeviceAccessResource(DomotzGateway gateway, DomotzActions actions) {
        this.gateway = gateway;
        this.actions = actions;
    }

    @POST
    @Path("credentials")
    public Response credentials(@PathParam("agentId") String agentId, @PathParam("deviceId") String deviceId,
                                @RestForm String username, @RestForm String password, @Context HttpHeaders headers) {
        if (blank(username) || blank(password) || username.length() > 200 || password.length() > 200) {
            return refused(400, "Enter a username and a password.");
        }
        return act(agentId, deviceId, "device.credentials", "credentials for user " + username.trim(), headers,
                (t, a, d) -> gateway.setCredentials(t, a, d, new DeviceCredentials(username.trim(), password)));
    }

    @POST
    @Path("snmp")
    public Response snmp(@PathParam("agentId") String agentId, @PathParam("deviceId") String deviceId,
                         @RestForm String read, @RestForm String write, @Context HttpHeaders headers) {
        if (blank(read) || read.length() > 200 || write != null && write.length() > 200) {
            return refused(400, "Enter the read community (the write community is optional).");
        }
        return act(agentId, deviceId, "device.snmp", blank(write) ? "SNMP read community" : "SNMP read and write communities",
                headers, (t, a, d) -> gateway.setSnmpCommunity(t, a, d, new SnmpCommunity(read.trim(), blank(write) ? null : write.trim())));
    }

    @POST
    @Path("connection")
    public Response connect(@PathParam("agentId") String agentId, @PathParam("deviceId") String deviceId,
                            @RestForm String protocol, @RestForm String port, @RestForm String allowedIp,
                            @Context HttpHeaders headers) {
        ConnectionProtocol chosen;
        int number;
        try {
            chosen = ConnectionProtocol.valueOf(protocol == null ? "" : protocol.trim().toLowerCase());
            number = Integer.parseInt(port == null ? "" : port.trim());
        } catch (IllegalArgumentException unreadable) {
            return refused(400, "Choose http, https or tcp and a port number.");
        }
        if (chosen == ConnectionProtocol.UNKNOWN || number < 1 || number > 65535) {
            return refused(400, "Choose http, https or tcp and a port from 1 to 65535.");
        }
        String ip = blank(allowedIp) ? "" : allowedIp.trim();
        if (!IPV4.matcher(ip).matches()) {
            return refused(400, "The allowed IP must be an IPv4 address (0.0.0.0 allows anyone).");
        }
        int agent = AgentIds.parse(agentId);
        int device = AgentIds.parse(deviceId);
        String warning = !"0.0.0.0".equals(ip) ? null : chosen == ConnectionProtocol.tcp
                ? "Anyone who finds this TCP port can reach the device: prefer your own IP address."
                : "Anyone with the link can open it until it expires: keep it secret.";
        return actions.call("device.connect", "agent " + agent + " device " + device,
                chosen + " port " + number + " from " + ip, target -> {
                    ConnectionSession session = gateway.connectToDevice(target, agent, device,
                            new ConnectionRequest(ip, number, chosen));
                    return Htmx.pageOrFragment(headers, 200,
                            Templates.connection("/agents/" + agent + "/devices/" + device, session, warning),
                            Templates.connection$link(session, warning));
                });
    }

    @FunctionalInterface
    interface Action {
        void run(DomotzTarget target, int agentId, int deviceId);
    }

    /** Plain posts go back to the device page; htmx gets what Domotz now reports about the device's access. */
    private Response act(String agentText, String deviceText, String auditAction, String what, HttpHeaders headers,
                         Action action) {
        int agent = AgentIds.parse(agentText);
        int device = AgentIds.parse(deviceText);
        return actions.call(auditAction, "agent " + agent + " device " + device, what, target -> {
            action.run(target, agent, device);
            if (!Htmx.requested(headers)) {
                return Response.seeOther(URI.create("/agents/" + agent + "/devices/" + device)).build();
            }
            return DomotzActions.done("Saved. " + authenticationNow(target, agent, device),
                    DeviceActionsResource.DEVICE_CHANGED);
        });
    }

    /** A read after the change; when it fails, the change still happened and the message says so. */
    private String authenticationNow(DomotzTarget target, int agent, int device) {
        try {
            var status = gateway.getDevice(target, agent, device).authenticationStatus();
            return "Domotz now reports authentication: " + (status == null ? "not needed" : status) + ".";
        } catch (DomotzException unread) {
            return "Domotz's authentication status could not be read just now: " + unread.getMessage();
        }
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }

    private static Response refused(int status, String message) {
        return DomotzActions.refused(status, message);
    }
}
