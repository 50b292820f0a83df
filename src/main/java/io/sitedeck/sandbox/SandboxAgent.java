package io.sitedeck.sandbox;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * One sandbox agent. Its devices are generated on first use (so a world of 1,000 agents starts in
 * seconds) and then changed by API calls; all device access holds the agent's lock.
 */
final class SandboxAgent {

    int id;
    int index;
    /** The one Domotz user who sees this agent, or 0: every user does. */
    int ownerUserId;
    String displayName;
    int teamId;
    String teamName;
    int teamLeaderId;
    int areaId;
    String accessStatus;
    boolean apiEnabled;
    String grantingUser;
    Instant creationTime;
    int licenceId;
    String licenceCode;
    String boundMac;
    Instant licenceActivation;
    Instant licenceExpiration;
    String status;
    Instant statusChange;
    String timezone;
    String agentVersion;
    String packageVersion;
    String listenOn;
    String latitude;
    String longitude;
    long downloadPlanBps;
    long uploadPlanBps;

    private Map<Integer, SandboxDevice> devices;
    private Supplier<Map<Integer, SandboxDevice>> deviceFactory;

    void devicesFrom(Supplier<Map<Integer, SandboxDevice>> factory) {
        this.deviceFactory = factory;
    }

    /** The live device map; callers hold {@code synchronized (agent)}. */
    Map<Integer, SandboxDevice> devices() {
        if (devices == null) {
            devices = new LinkedHashMap<>(deviceFactory.get());
        }
        return devices;
    }
}
