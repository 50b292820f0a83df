package io.sitedeck.domotz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.sitedeck.domotz.model.AgentAlertBinding;
import io.sitedeck.domotz.model.AgentQuery;
import io.sitedeck.domotz.model.AlertProfile;
import io.sitedeck.domotz.model.ApiUsage;
import io.sitedeck.domotz.model.DetectedDeviceType;
import io.sitedeck.domotz.model.DeviceAlertBinding;
import io.sitedeck.domotz.model.DeviceBaseType;
import io.sitedeck.domotz.model.DomotzUser;
import jakarta.inject.Inject;
import java.net.URL;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** User, alert profiles and their bindings, API usage and the type catalogues, against the sandbox. */
@QuarkusTest
class AlertsAndMetaContractTest {

    @TestHTTPResource("public-api/v1")
    URL sandbox;

    @Inject
    DomotzGateway gateway;

    DomotzTarget demo;
    int agentId;

    @BeforeEach
    void target() {
        demo = TestKeys.target(sandbox, TestKeys.DEMO);
        agentId = gateway.listAgents(demo, AgentQuery.ALL).get(7).id();
    }

    @Test
    void readsTheKeysUserAndItsAlertProfiles() {
        DomotzUser user = gateway.getUser(demo);
        assertTrue(user.id() > 0);
        assertTrue(user.name().contains("@"));

        List<AlertProfile> profiles = gateway.getAlertProfiles(demo, user.id());
        assertFalse(profiles.isEmpty());
        profiles.forEach(p -> {
            assertFalse(p.name().isBlank());
            assertFalse(p.events().isEmpty());
        });
        assertTrue(profiles.stream().anyMatch(p -> p.events().contains("device_status")));
        assertThrows(DomotzException.AccessDenied.class, () -> gateway.getAlertProfiles(demo, user.id() + 1));
    }

    @Test
    void bindsAndUnbindsAProfileToAnAgent() {
        int profile = anyProfile();
        gateway.unbindAlertProfileFromAgent(demo, profile, agentId);
        assertFalse(profileIds(gateway.getAgentAlertProfile(demo, agentId)).contains(profile));

        gateway.bindAlertProfileToAgent(demo, profile, agentId);
        gateway.bindAlertProfileToAgent(demo, profile, agentId); // idempotent
        assertEquals(1, gateway.getAgentAlertProfile(demo, agentId).stream()
                .filter(b -> b.alertProfileId() == profile).count());

        gateway.unbindAlertProfileFromAgent(demo, profile, agentId);
        assertFalse(profileIds(gateway.getAgentAlertProfile(demo, agentId)).contains(profile));
    }

    @Test
    void bindsAndUnbindsAProfileToADevice() {
        int profile = anyProfile();
        int deviceId = gateway.listDevices(demo, agentId, false).get(2).id();
        DeviceAlertBinding binding = new DeviceAlertBinding(profile, deviceId);

        gateway.bindAlertProfileToDevice(demo, profile, agentId, deviceId);
        assertTrue(gateway.getDevicesAlertProfile(demo, agentId).contains(binding));

        gateway.unbindAlertProfileFromDevice(demo, profile, agentId, deviceId);
        assertFalse(gateway.getDevicesAlertProfile(demo, agentId).contains(binding));
    }

    @Test
    void refusesBindingAnUnknownProfile() {
        var missing = assertThrows(DomotzException.NotFound.class,
                () -> gateway.bindAlertProfileToAgent(demo, 987654, agentId));
        assertTrue(missing.getMessage().contains("987654"), missing.getMessage());
    }

    @Test
    void reportsUsageAndLimits() {
        ApiUsage usage = gateway.apiUsageInfo(demo);
        assertEquals(100_000, usage.dailyLimit());
        assertEquals(5, usage.concurrentAllowed());
        assertTrue(usage.dailyUsage() > 0);
        assertTrue(usage.byKey().stream().anyMatch(k -> k.name().equals("demo") && k.count() == usage.dailyUsage()));
        Set<String> resources = usage.byResource().stream().map(ApiUsage.Count::name).collect(Collectors.toSet());
        assertTrue(resources.contains("agent"), resources.toString());
        assertTrue(usage.byIp().stream().mapToInt(ApiUsage.Count::count).sum() >= usage.dailyUsage());
    }

    @Test
    void listsTheTypeCatalogues() {
        List<DeviceBaseType> base = gateway.listDeviceBaseTypes(demo);
        Set<Integer> baseIds = base.stream().map(DeviceBaseType::id).collect(Collectors.toSet());
        assertEquals(base.size(), baseIds.size());
        List<DetectedDeviceType> detected = gateway.listDeviceDetectedTypes(demo);
        detected.forEach(t -> assertTrue(baseIds.contains(t.typeId()), "detected type " + t.id() + " maps to a base type"));
        assertTrue(detected.stream().anyMatch(t -> t.can("snapshot")));
    }

    private int anyProfile() {
        return gateway.getAlertProfiles(demo, gateway.getUser(demo).id()).get(1).id();
    }

    private static Set<Integer> profileIds(List<AgentAlertBinding> bindings) {
        return bindings.stream().map(AgentAlertBinding::alertProfileId).collect(Collectors.toSet());
    }
}
