package io.sitedeck.fleet;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * One device of the fleet index, with the fields people search and sort by. {@code ips} holds every
 * address between spaces (" 10.0.0.7 192.168.1.7 ") so one address matches exactly; {@code mac} is
 * 12 lower-case hex digits ({@link MacAddress}); {@code haystack} the lower-cased vendor, model,
 * type, zone and room for the "anything else" rank of the search.
 */
@Entity
@Table(name = "fleet_device")
public class FleetDevice extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(nullable = false)
    public String scope;

    @Column(name = "agent_id", nullable = false)
    public int agentId;

    @Column(name = "device_id", nullable = false)
    public int deviceId;

    @Column(nullable = false)
    public String name;

    @Column(name = "name_lc", nullable = false)
    public String nameLc;

    /** A person or Domotz gave it a name (not just its address). */
    @Column(nullable = false)
    public boolean named;

    @Column(name = "primary_ip")
    public String primaryIp;

    @Column(nullable = false)
    public String ips;

    public String mac;

    public String vendor;

    public String model;

    @Column(name = "type_id")
    public Integer typeId;

    @Column(name = "detected_type_id")
    public Integer detectedTypeId;

    @Column(name = "type_name")
    public String typeName;

    public String importance;

    public String status;

    @Column(name = "status_since")
    public Instant statusSince;

    public String zone;

    public String room;

    @Column(name = "first_seen")
    public Instant firstSeen;

    @Column(nullable = false)
    public String haystack;

    @Column(name = "as_of", nullable = false)
    public Instant asOf;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public FleetSource source;

    public boolean down() {
        return "DOWN".equals(status) || "OFFLINE".equals(status);
    }

    public boolean vital() {
        return vital(importance);
    }

    static boolean vital(String importance) {
        return "VITAL".equals(importance);
    }

    /** The addresses, for people: "10.0.0.7, 192.168.1.7". */
    public String addresses() {
        return ips.strip().replace(" ", ", ");
    }

    /** The MAC address as people write it: 3C:52:82:0A:1B:2C. */
    public String macText() {
        return MacAddress.display(mac);
    }

    public String url() {
        return url(agentId, deviceId);
    }

    static String url(int agentId, int deviceId) {
        return "/agents/" + agentId + "/devices/" + deviceId;
    }
}
