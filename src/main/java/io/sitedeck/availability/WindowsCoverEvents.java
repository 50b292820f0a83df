package io.sitedeck.availability;

import io.sitedeck.annotations.NoteLookups;
import io.sitedeck.events.MaintenanceCheck;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;

/** Answers the events package: did one of the tenant's windows cover the site or device at that instant? */
@ApplicationScoped
class WindowsCoverEvents implements MaintenanceCheck {

    private final NoteLookups notes;

    WindowsCoverEvents(NoteLookups notes) {
        this.notes = notes;
    }

    @Override
    public boolean covers(long tenantId, int agentId, Integer deviceId, Instant at) {
        List<MaintenanceWindow> windows = MaintenanceWindow.ofSite(tenantId, agentId);
        if (windows.isEmpty()) {
            return false;
        }
        int device = deviceId == null ? 0 : deviceId;
        List<String> tags = device == 0 ? List.of() : notes.tags(tenantId, agentId, device);
        return windows.stream().anyMatch(w -> w.covers(device, tags) && w.activeAt(at));
    }
}
