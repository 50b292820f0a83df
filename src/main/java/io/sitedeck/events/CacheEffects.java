package io.sitedeck.events;

import io.sitedeck.domotz.CacheEffect;
import io.sitedeck.domotz.DomotzGateway;
import io.sitedeck.domotz.DomotzTarget;
import io.sitedeck.domotz.model.AgentStatusValue;
import io.sitedeck.domotz.model.DeviceStatus;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/**
 * What a webhook changes in the gateway's cache, without calling Domotz: status events patch the
 * cached device or site in place (a DOWN shows as DOWN in every cached list at once); events that
 * make other answers wrong drop them, so the next read asks Domotz. SNMP, TCP and security events
 * concern nothing the console caches. The table is in docs/architecture.md.
 */
@ApplicationScoped
class CacheEffects {

    private final DomotzGateway gateway;

    CacheEffects(DomotzGateway gateway) {
        this.gateway = gateway;
    }

    void apply(List<DomotzTarget> targets, WebhookEvent event) {
        if (event.agentId() == null) {
            return;
        }
        int agent = event.agentId();
        Integer device = event.deviceId();
        for (DomotzTarget t : targets) {
            switch (event.kind()) {
                case DEVICE_STATUS -> {
                    if (event.state() != null) {
                        DeviceStatus status = "UP".equals(event.state()) ? DeviceStatus.ONLINE : DeviceStatus.DOWN;
                        gateway.patchDevice(t, agent, device, d -> d.status() == status ? d : d.withStatus(status, event.at()));
                    }
                    gateway.forget(t, agent, device, CacheEffect.DEVICE_STATUS_CHANGED);
                }
                case DEVICE_IP_CHANGE -> {
                    if (!event.addresses().isEmpty()) {
                        gateway.patchDevice(t, agent, device, d -> d.withIpAddresses(event.addresses()));
                    }
                    gateway.forget(t, agent, device, CacheEffect.DEVICE_ADDRESS_CHANGED);
                }
                case DEVICE_HEARTBEAT_LOST -> gateway.forget(t, agent, device, CacheEffect.DEVICE_HEARTBEAT_LOST);
                case DEVICE_RTD -> gateway.forget(t, agent, device, CacheEffect.DEVICE_RTD_CHANGED);
                case AGENT_STATUS -> {
                    if (event.state() != null) {
                        AgentStatusValue status = "UP".equals(event.state()) ? AgentStatusValue.ONLINE : AgentStatusValue.OFFLINE;
                        gateway.patchAgent(t, agent, a -> a.status() != null && a.status().value() == status ? a
                                : a.withStatus(status, event.at()));
                    }
                    gateway.forget(t, agent, null, CacheEffect.AGENT_STATUS_CHANGED);
                }
                case AGENT_DEVICE_DISCOVERY -> gateway.forget(t, agent, null, CacheEffect.DEVICES_DISCOVERED);
                case AGENT_SPEED_TEST -> gateway.forget(t, agent, null, CacheEffect.SPEED_TEST_DONE);
                case DEVICE_SNMP, DEVICE_TCP, AGENT_SECURITY_ISSUE -> {
                    // nothing the console caches says otherwise
                }
            }
        }
    }
}
