package io.sitedeck.domotz.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;
import java.util.List;

/**
 * A device of any kind (LocalIpDevice, SubnetIpDevice, ExternalIpDevice or DummyDevice) in one
 * flat record: the fields a kind does not have are {@code null}. Real accounts omit
 * {@code details}, {@code type} and {@code user_data} freely.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Device(
        int id,
        String displayName,
        Protocol protocol,
        DeviceStatus status,
        Importance importance,
        AuthenticationStatus authenticationStatus,
        Details details,
        Instant firstSeenOn,
        Integer mainId,
        TypeRef type,
        UserData userData,
        Boolean agentReachable,
        Integer gracePeriod,
        List<String> ipAddresses,
        Instant lastStatusChange,
        String model,
        String vendor,
        String hwAddress,
        Boolean isJammed,
        Names names) {

    public DeviceKind kind() {
        if (protocol == Protocol.DUMMY) {
            return DeviceKind.DUMMY;
        }
        if (protocol == Protocol.IP_EXTERNAL) {
            return DeviceKind.EXTERNAL;
        }
        // Subnet devices come as IP_SUBNET from real accounts, as IP in the reference's examples;
        // only LAN devices carry a MAC address.
        return protocol == Protocol.IP_SUBNET || hwAddress == null ? DeviceKind.SUBNET : DeviceKind.LOCAL;
    }

    /** This device as Domotz reports it after a status change (a webhook said so). */
    public Device withStatus(DeviceStatus newStatus, Instant changedAt) {
        return new Device(id, displayName, protocol, newStatus, importance, authenticationStatus, details, firstSeenOn,
                mainId, type, userData, agentReachable, gracePeriod, ipAddresses, changedAt, model, vendor, hwAddress,
                isJammed, names);
    }

    /** This device with new IP addresses (a webhook said so). */
    public Device withIpAddresses(List<String> addresses) {
        return new Device(id, displayName, protocol, status, importance, authenticationStatus, details, firstSeenOn,
                mainId, type, userData, agentReachable, gracePeriod, List.copyOf(addresses), lastStatusChange, model,
                vendor, hwAddress, isJammed, names);
    }

    /** The name a person gave the device, else the one Domotz found. */
    public String name() {
        return userData != null && userData.name() != null && !userData.name().isBlank()
                ? userData.name() : displayName;
    }

    public List<String> ipAddresses() {
        return ipAddresses == null ? List.of() : ipAddresses;
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Details(String zone, String room, String snmpReadCommunity, String snmpWriteCommunity) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record TypeRef(Integer id, Integer detectedId) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record UserData(String name, String vendor, String model, Integer type) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Names(String bonjour, String dhcp, String host, String inspection, String snmp, String upnp) {}
}
