package io.sitedeck.domotz.model;

/** The device schemas of the reference, told apart by protocol and the fields present. */
public enum DeviceKind {
    /** LocalIpDevice: discovered on the agent's LAN, with a MAC address and DHCP data. */
    LOCAL,
    /** SubnetIpDevice: discovered in a user-defined subnet behind a layer-3 hop, no MAC. */
    SUBNET,
    /** ExternalIpDevice: added by hand for "advanced monitoring", only pinged. */
    EXTERNAL,
    /** DummyDevice: no network presence, e.g. a label for a power outlet. */
    DUMMY
}
