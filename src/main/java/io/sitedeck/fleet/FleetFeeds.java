package io.sitedeck.fleet;

import io.sitedeck.domotz.DevicesRead;
import io.sitedeck.domotz.DomotzGateway;
import io.sitedeck.domotz.DomotzTarget;
import io.sitedeck.domotz.model.Device;
import io.sitedeck.domotz.model.DeviceStatus;
import io.sitedeck.events.WebhookEvent;
import io.sitedeck.events.WebhookReceived;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * Two of the index's three feeds (the third is {@link FleetCrawler}): every device list the gateway
 * reads from Domotz for a page, and every new webhook event, in place and at once. Neither calls
 * Domotz: names of sites and types come from what the gateway's cache already holds.
 */
@ApplicationScoped
class FleetFeeds {

    private static final Logger LOG = Logger.getLogger(FleetFeeds.class);

    private final FleetIndex index;
    private final DomotzGateway gateway;

    FleetFeeds(FleetIndex index, DomotzGateway gateway) {
        this.index = index;
        this.gateway = gateway;
    }

    void devicesRead(@Observes DevicesRead read) {
        try {
            index.devicesRead(read.target().indexScope(), read.agentId(), gateway.cachedAgent(read.target(), read.agentId()),
                    visible(read.devices()), FleetRows.typeNames(gateway.cachedBaseTypes(read.target())), read.fetchedAt(), FleetSource.PAGE);
        } catch (RuntimeException failed) {
            // The page that read the list must not fail for the index: the crawler catches up.
            LOG.warnf("The fleet index missed a device list of agent %d: %s", read.agentId(), failed.toString());
        }
    }

    void webhook(@Observes WebhookReceived received) {
        WebhookEvent event = received.event();
        if (event.agentId() == null) {
            return;
        }
        int agent = event.agentId();
        Integer device = event.deviceId();
        for (DomotzTarget target : received.targets()) {
            String scope = target.indexScope();
            switch (event.kind()) {
                case DEVICE_STATUS -> {
                    if (device != null && event.state() != null) {
                        index.deviceStatus(scope, agent, device, "UP".equals(event.state()) ? "ONLINE" : "DOWN", event.at(),
                                event.summary());
                    }
                }
                case DEVICE_IP_CHANGE -> {
                    if (device != null && !event.addresses().isEmpty()) {
                        index.deviceAddresses(scope, agent, device, event.addresses(), event.at(), event.summary());
                    }
                }
                case AGENT_DEVICE_DISCOVERY -> {
                    if (device != null) {
                        index.discovered(scope, agent, device, event.at(), event.summary());
                    }
                }
                case AGENT_STATUS -> {
                    if (event.state() != null) {
                        index.agentStatus(scope, agent, "UP".equals(event.state()) ? "ONLINE" : "OFFLINE", event.at(),
                                event.summary());
                    }
                }
                default -> index.siteEvent(scope, agent, event.at(), event.summary());
            }
        }
    }

    /** Hidden devices are not part of the fleet people look at. */
    static List<Device> visible(List<Device> devices) {
        return devices.stream().filter(d -> d.status() != DeviceStatus.HIDDEN).toList();
    }
}
