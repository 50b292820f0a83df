package io.sitedeck.sandbox;

import io.sitedeck.sandbox.SandboxCatalogue.Power;
import io.sitedeck.sandbox.SandboxCatalogue.Role;
import io.sitedeck.sandbox.SandboxDevice.Kind;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Builds the sandbox world from the seed: agents eagerly, each agent's devices when first asked.
 * Everything is a function of (seed, index), so two runs with one seed serve the same world.
 */
final class WorldGenerator {

    /** Fixed so the world does not depend on the day it is generated. */
    static final Instant EPOCH = Instant.parse("2024-01-01T00:00:00Z");

    private static final List<String> PREFIXES = List.of("Harbor", "Maple", "Summit", "Riverside", "Oakwood",
            "Bluebird", "Granite", "Lakeside", "Northgate", "Sunrise", "Cedar", "Ironbridge", "Willow", "Redwood",
            "Silverline", "Meadow");
    private static final List<String> TRADES = List.of("Dental", "Law Group", "Logistics", "Bakery", "Veterinary",
            "Architects", "Hotel", "Academy", "Clinic", "Accounting", "Fitness", "Brewery");
    private static final List<String> SITES = List.of("HQ", "Main Office", "Warehouse", "Branch");
    private static final List<String> TEAMS = List.of("North Region", "South Region", "Enterprise Accounts",
            "West Region", "Healthcare", "Retail");
    private static final List<String> TIMEZONES = List.of("Europe/London", "Europe/Rome", "America/New_York",
            "America/Chicago", "America/Los_Angeles", "Europe/Berlin", "Australia/Sydney");
    private static final List<String> ZONES = List.of("Ground Floor", "First Floor", "Server Room", "Warehouse",
            "Reception");
    private static final List<String> ROOMS = List.of("Rack A", "Rack B", "Front Desk", "Meeting Room 1",
            "Meeting Room 2", "Office 12", "Kitchen", "Loading Bay");
    private static final List<String> PEOPLE = List.of("anna", "marco", "li", "sofia", "james", "priya", "tom",
            "elena");
    private static final long[] PLANS_MBPS = {50, 100, 200, 500, 1000};

    private final long seed;
    private final SandboxConfig.World size;

    WorldGenerator(long seed, SandboxConfig.World size) {
        this.seed = seed;
        this.size = size;
    }

    static int agentId(int index) {
        return 5000 + index * 3;
    }

    List<SandboxAgent> agents() {
        List<SandboxAgent> agents = new ArrayList<>(size.agents());
        for (int i = 0; i < size.agents(); i++) {
            agents.add(agent(i));
        }
        return agents;
    }

    SandboxAgent agent(int index) {
        SplittableRandom random = Seeds.random(seed, 1, index);
        SandboxAgent agent = new SandboxAgent();
        agent.index = index;
        agent.id = agentId(index);
        int round = index / (PREFIXES.size() * TRADES.size());
        // index = prefix + 16k, so trade = (17k + prefix) mod 12; 17 is coprime to 12, hence no
        // (prefix, trade) pair repeats within a round of 192, and the first 12 sites differ in trade.
        int trade = (index / PREFIXES.size() + index) % TRADES.size();
        agent.displayName = PREFIXES.get(index % PREFIXES.size()) + " " + TRADES.get(trade)
                + (round > 0 ? " " + (round + 1) : "") + " – " + Seeds.pick(random, SITES);
        int team = index % Math.max(1, size.teams());
        agent.teamId = 301 + team;
        agent.teamName = TEAMS.get(team % TEAMS.size());
        agent.teamLeaderId = SandboxKeys.FIRST_USER_ID;
        agent.areaId = 41 + team % 2;
        // Agent 4 shows every console the "listed but not readable" case; a few are shared with us.
        agent.apiEnabled = index != 4;
        agent.accessStatus = index % 6 == 5 ? "GRANTED" : index % 6 == 3 ? "ASSIGNED" : "OWNED";
        agent.grantingUser = "OWNED".equals(agent.accessStatus) ? null
                : Seeds.pick(random, PEOPLE) + "@partner-msp.example";
        agent.creationTime = EPOCH.minus(Duration.ofDays(200 + random.nextInt(1500)))
                .plusSeconds(random.nextInt(86_400));
        agent.licenceId = 70_000 + index;
        agent.licenceCode = String.format(Locale.ROOT, "DMZ-%04X-%04X", random.nextInt(0x10000), random.nextInt(0x10000));
        agent.boundMac = mac(random, "B8:27:EB");
        agent.licenceActivation = agent.creationTime.plus(Duration.ofMinutes(5));
        // Licences run into the future, except agent 9's, which has lapsed.
        agent.licenceExpiration = index == 9 ? EPOCH.plus(Duration.ofDays(100))
                : EPOCH.plus(Duration.ofDays(365L * 4 + random.nextInt(700)));
        agent.status = index == 7 ? "OFFLINE" : "ONLINE";
        agent.statusChange = EPOCH.plus(Duration.ofHours(random.nextInt(24 * 300)));
        agent.timezone = TIMEZONES.get(index % TIMEZONES.size());
        agent.agentVersion = "5." + (2 + random.nextInt(3)) + "." + random.nextInt(10);
        agent.packageVersion = agent.agentVersion + "-" + Seeds.pick(random, List.of("rpi", "x64", "win", "docker"));
        agent.listenOn = lan(index, 2) + ":3000";
        agent.latitude = String.format(Locale.ROOT, "%.4f", 35 + random.nextDouble() * 20);
        agent.longitude = String.format(Locale.ROOT, "%.4f", -120 + random.nextDouble() * 135);
        long plan = PLANS_MBPS[random.nextInt(PLANS_MBPS.length)];
        agent.downloadPlanBps = plan * 1_000_000;
        agent.uploadPlanBps = (random.nextBoolean() ? plan : plan / 5) * 1_000_000;
        agent.devicesFrom(() -> devices(agent));
        return agent;
    }

    private Map<Integer, SandboxDevice> devices(SandboxAgent agent) {
        SplittableRandom random = Seeds.random(seed, 2, agent.index);
        int max = Math.min(999, Math.max(size.minDevices(), size.maxDevices()));
        int count = size.minDevices() + random.nextInt(max - size.minDevices() + 1);
        Map<Integer, SandboxDevice> devices = new LinkedHashMap<>();
        for (int n = 0; n < count; n++) {
            SandboxDevice device = device(agent, n, count, Seeds.random(seed, 3, agent.index, n));
            devices.put(device.id, device);
        }
        return devices;
    }

    /** A device that has just appeared on the agent's network: number {@code n} of its devices. */
    SandboxDevice newcomer(SandboxAgent agent, int n, Instant seenAt) {
        SandboxDevice d = device(agent, n, n + 10, Seeds.random(seed, 14, agent.index, n));
        d.firstSeenOn = seenAt;
        d.lastStatusChange = seenAt;
        d.status = "ONLINE";
        return d;
    }

    private SandboxDevice device(SandboxAgent agent, int n, int count, SplittableRandom random) {
        SandboxDevice d = new SandboxDevice();
        d.id = 100_000 + agent.index * 1000 + n;
        d.agentId = agent.id;
        d.firstSeenOn = agent.creationTime.plus(Duration.ofMinutes(10 + random.nextInt(60 * 24 * 200)));
        d.lastStatusChange = EPOCH.plus(Duration.ofMinutes(random.nextInt(60 * 24 * 300)));
        d.gracePeriod = Seeds.pick(random, List.of(0, 30, 60, 300));
        d.rtdBaselineMs = 0.4 + random.nextDouble() * (n % 7 == 0 ? 60 : 12);
        d.status = "ONLINE";
        if (n == count - 1) {
            return dummy(d, random);
        }
        if (n == count - 2) {
            return external(d, random);
        }
        Role role = n == 0 ? SandboxCatalogue.ROUTER : n == 1 ? SandboxCatalogue.CORE_SWITCH
                : Seeds.pick(random, SandboxCatalogue.ROLES);
        boolean subnet = n > 1 && n % 9 == 0;
        d.kind = subnet ? Kind.SUBNET : Kind.LOCAL;
        d.displayName = role.name() + " " + (n + 1);
        d.vendor = role.vendor();
        d.model = role.model();
        d.typeId = role.baseType();
        // A few devices are not recognised: no type, no detected type (real accounts omit "type").
        d.detectedId = n % 11 == 10 ? null : role.detectedType();
        if (d.detectedId == null) {
            d.typeId = null;
        }
        d.importance = SandboxCatalogue.baseType(role.baseType()).map(t -> t.vital()).orElse(false) ? "VITAL" : "FLOATING";
        d.power = role.power();
        d.softwareReboot = role.softwareReboot();
        d.authenticationStatus = role.needsCredentials() ? (random.nextInt(3) == 0 ? "AUTHENTICATED" : "REQUIRED") : null;
        d.ipAddresses.add(subnet ? "10." + (agent.index % 250) + ".20." + (10 + n) : lan(agent.index, 10 + n));
        if (!subnet) {
            d.mac = mac(random, Seeds.pick(random, List.of("00:1A:2B", "F0:9F:C2", "3C:52:82", "AC:DE:48")));
            d.jammed = n > 2 && random.nextInt(40) == 0;
            d.nameDhcp = role.name().toLowerCase(Locale.ROOT).replace(' ', '-') + "-" + (n + 1);
        }
        d.nameHost = (d.nameDhcp != null ? d.nameDhcp : "host-" + (n + 1)) + ".lan";
        d.nameInspection = role.vendor() + " " + role.model();
        if (random.nextBoolean()) {
            d.nameBonjour = role.name() + " (" + role.vendor() + ")";
        }
        if (role.needsCredentials()) {
            d.nameSnmp = role.model().toLowerCase(Locale.ROOT).replace(' ', '_');
        }
        if (random.nextInt(3) == 0) {
            d.nameUpnp = role.vendor() + " " + role.model();
        }
        if (random.nextInt(10) < 7) {
            d.zone = Seeds.pick(random, ZONES);
            d.room = random.nextBoolean() ? Seeds.pick(random, ROOMS) : null;
        }
        if (role.needsCredentials() && random.nextBoolean()) {
            d.snmpRead = "public";
        }
        if (random.nextInt(4) == 0) {
            d.userName = Seeds.pick(random, List.of("Reception ", "Back Office ", "Manager's ", "Lab ")) + role.name();
        }
        if (n == 3 && role.baseType() == 8) {
            d.mainId = 100_000 + agent.index * 1000 + 2;
        }
        d.status = status(role, n, random);
        return d;
    }

    /** Mostly ONLINE; roaming devices drift OFFLINE; some devices are DOWN, one HIDDEN. */
    private static String status(Role role, int n, SplittableRandom random) {
        if (n == 2) {
            return "DOWN";
        }
        if (n == 5) {
            return "HIDDEN";
        }
        int roll = random.nextInt(100);
        if (role.floating() && roll < 30) {
            return "OFFLINE";
        }
        return roll < 6 ? "DOWN" : "ONLINE";
    }

    private static SandboxDevice external(SandboxDevice d, SplittableRandom random) {
        d.kind = Kind.EXTERNAL;
        d.displayName = "Website " + (d.id % 1000);
        d.typeId = 23;
        d.importance = "VITAL";
        d.ipAddresses.add("203.0.113." + (1 + random.nextInt(250)));
        d.nameHost = "www.customer-" + (d.id % 1000) + ".example";
        d.nameInspection = "nginx";
        d.vendor = null;
        d.model = null;
        return d;
    }

    private static SandboxDevice dummy(SandboxDevice d, SplittableRandom random) {
        d.kind = Kind.DUMMY;
        d.displayName = "Outlet " + (1 + random.nextInt(8)) + " – Coffee machine";
        d.importance = "FLOATING";
        d.status = null;
        d.lastStatusChange = null;
        // Dummy devices exist to name a power outlet, so this one can be switched.
        d.power = Power.PDU;
        return d;
    }

    private static String lan(int agentIndex, int host) {
        return "192.168." + (agentIndex % 250) + "." + host;
    }

    private static String mac(SplittableRandom random, String oui) {
        return String.format(Locale.ROOT, "%s:%02X:%02X:%02X", oui, random.nextInt(256), random.nextInt(256),
                random.nextInt(256));
    }
}
