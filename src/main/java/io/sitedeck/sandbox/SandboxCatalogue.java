package io.sitedeck.sandbox;

import java.util.List;
import java.util.Optional;

/** The sandbox's device type catalogues (base and detected) and what each kind of device is like. */
final class SandboxCatalogue {

    record BaseType(int id, String identifier, String label, boolean vital) {}

    record DetectedType(int id, String identifier, String label, int typeId, List<String> capabilities) {}

    static final String SNAPSHOT = "snapshot";

    static final List<BaseType> BASE_TYPES = List.of(
            new BaseType(1, "ROUTER", "Router", true),
            new BaseType(2, "SWITCH", "Switch", true),
            new BaseType(3, "ACCESS_POINT", "Access Point", true),
            new BaseType(4, "FIREWALL", "Firewall", true),
            new BaseType(5, "IP_CAMERA", "IP Camera", true),
            new BaseType(6, "PRINTER", "Printer", false),
            new BaseType(7, "NAS", "Network Storage", true),
            new BaseType(8, "SERVER", "Server", true),
            new BaseType(9, "COMPUTER", "Computer", false),
            new BaseType(10, "LAPTOP", "Laptop", false),
            new BaseType(11, "MOBILE", "Mobile Phone", false),
            new BaseType(12, "TABLET", "Tablet", false),
            new BaseType(13, "VOIP_PHONE", "VoIP Phone", false),
            new BaseType(14, "SMART_TV", "Smart TV", false),
            new BaseType(15, "PDU", "Power Distribution Unit", true),
            new BaseType(16, "UPS", "UPS", true),
            new BaseType(17, "NVR", "Network Video Recorder", true),
            new BaseType(18, "THERMOSTAT", "Thermostat", false),
            new BaseType(19, "MEDIA_PLAYER", "Media Player", false),
            new BaseType(20, "DOOR_CONTROLLER", "Door Controller", true),
            new BaseType(21, "IOT", "IoT Device", false),
            new BaseType(22, "VIRTUAL_MACHINE", "Virtual Machine", false),
            new BaseType(23, "WEBSITE", "Website", true),
            new BaseType(24, "OTHER", "Other", false));

    static final List<DetectedType> DETECTED_TYPES = List.of(
            new DetectedType(101, "mikrotik_router", "MikroTik Router", 1, List.of("snmp", "reboot")),
            new DetectedType(102, "ubiquiti_gateway", "UniFi Security Gateway", 1, List.of("snmp", "reboot")),
            new DetectedType(103, "cisco_switch", "Cisco Catalyst Switch", 2, List.of("snmp", "poe")),
            new DetectedType(104, "netgear_switch", "Netgear Smart Switch", 2, List.of("snmp", "poe")),
            new DetectedType(105, "unifi_ap", "UniFi Access Point", 3, List.of("snmp", "reboot")),
            new DetectedType(106, "fortigate", "FortiGate Firewall", 4, List.of("snmp")),
            new DetectedType(107, "hikvision_camera", "Hikvision IP Camera", 5, List.of(SNAPSHOT, "onvif")),
            new DetectedType(108, "axis_camera", "Axis Network Camera", 5, List.of(SNAPSHOT, "onvif", "ptz")),
            new DetectedType(109, "hp_laserjet", "HP LaserJet Printer", 6, List.of("snmp", "ipp")),
            new DetectedType(110, "synology_nas", "Synology DiskStation", 7, List.of("snmp", "reboot")),
            new DetectedType(111, "dell_poweredge", "Dell PowerEdge Server", 8, List.of("snmp", "ipmi")),
            new DetectedType(112, "windows_pc", "Windows PC", 9, List.of("wmi")),
            new DetectedType(113, "macbook", "Apple MacBook", 10, List.of("bonjour")),
            new DetectedType(114, "iphone", "Apple iPhone", 11, List.of("bonjour")),
            new DetectedType(115, "yealink_phone", "Yealink IP Phone", 13, List.of("sip")),
            new DetectedType(116, "samsung_tv", "Samsung Smart TV", 14, List.of("upnp")),
            new DetectedType(117, "apc_pdu", "APC Switched Rack PDU", 15, List.of("snmp", "power_outlets")),
            new DetectedType(118, "apc_ups", "APC Smart-UPS", 16, List.of("snmp")),
            new DetectedType(119, "hikvision_nvr", "Hikvision NVR", 17, List.of("onvif", "snmp")),
            new DetectedType(120, "nest_thermostat", "Google Nest Thermostat", 18, List.of()),
            new DetectedType(121, "vmware_vm", "VMware Virtual Machine", 22, List.of("snmp")));

    /** What a generated device of one role looks like. */
    record Role(String name, int baseType, int detectedType, String vendor, String model, Power power,
                boolean softwareReboot, boolean needsCredentials, boolean floating) {}

    /** How a device can be powered on and off by Domotz. */
    enum Power { NONE, PDU, MULTI_PDU, POE }

    static final Role ROUTER = new Role("Gateway", 1, 102, "Ubiquiti", "UniFi Security Gateway", Power.NONE, true, false, false);
    static final Role CORE_SWITCH = new Role("Core Switch", 2, 103, "Cisco", "Catalyst 2960-X", Power.NONE, false, true, false);

    /** The roles other devices are drawn from, with repeats for the common ones. */
    static final List<Role> ROLES = List.of(
            new Role("Switch", 2, 104, "Netgear", "GS724T", Power.PDU, false, true, false),
            new Role("Access Point", 3, 105, "Ubiquiti", "UAP-AC-PRO", Power.POE, true, false, false),
            new Role("Access Point", 3, 105, "Ubiquiti", "U6-Lite", Power.POE, true, false, false),
            new Role("Camera", 5, 107, "Hikvision", "DS-2CD2143G2", Power.POE, false, true, false),
            new Role("Camera", 5, 108, "Axis", "M3106-L Mk II", Power.POE, false, false, false),
            new Role("Printer", 6, 109, "HP", "LaserJet Pro M404", Power.NONE, false, true, false),
            new Role("NAS", 7, 110, "Synology", "DS920+", Power.PDU, true, true, false),
            new Role("Server", 8, 111, "Dell", "PowerEdge R440", Power.MULTI_PDU, true, true, false),
            new Role("Workstation", 9, 112, "Dell", "OptiPlex 7090", Power.NONE, false, false, true),
            new Role("Workstation", 9, 112, "Lenovo", "ThinkCentre M70q", Power.NONE, false, false, true),
            new Role("Laptop", 10, 113, "Apple", "MacBook Pro", Power.NONE, false, false, true),
            new Role("Phone", 11, 114, "Apple", "iPhone 15", Power.NONE, false, false, true),
            new Role("Desk Phone", 13, 115, "Yealink", "T54W", Power.POE, false, false, false),
            new Role("Meeting Room TV", 14, 116, "Samsung", "QM55R", Power.PDU, false, false, true),
            new Role("PDU", 15, 117, "APC", "AP7921B", Power.NONE, true, true, false),
            new Role("UPS", 16, 118, "APC", "SMT1500RMI2U", Power.NONE, false, true, false),
            new Role("NVR", 17, 119, "Hikvision", "DS-7608NI", Power.PDU, true, false, false),
            new Role("Thermostat", 18, 120, "Google", "Nest Learning", Power.NONE, false, false, true),
            new Role("Virtual Machine", 22, 121, "VMware", "Virtual Platform", Power.NONE, true, false, false));

    private SandboxCatalogue() {
    }

    static Optional<BaseType> baseType(int id) {
        return BASE_TYPES.stream().filter(t -> t.id() == id).findFirst();
    }

    static Optional<DetectedType> detectedType(Integer id) {
        return id == null ? Optional.empty() : DETECTED_TYPES.stream().filter(t -> t.id() == id).findFirst();
    }
}
