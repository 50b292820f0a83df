package io.sitedeck.availability;

import io.sitedeck.account.CurrentUser;
import io.sitedeck.audit.AuditLog;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/** A tenant's maintenance windows: always the signed-in member's tenant; creating and ending them is audited. */
@ApplicationScoped
public class MaintenanceWindows {

    @Inject
    Clock clock;

    private final CurrentUser user;
    private final AuditLog audit;

    MaintenanceWindows(CurrentUser user, AuditLog audit) {
        this.user = user;
        this.audit = audit;
    }

    public List<MaintenanceWindow> ofSite(int agentId) {
        return MaintenanceWindow.ofSite(user.tenantId(), agentId);
    }

    /** The window of the site on now that covers the device (0: the site itself), if any. */
    public Optional<MaintenanceWindow> activeFor(int agentId, int deviceId, List<String> tags) {
        return activeFor(user.tenantId(), agentId, deviceId, tags);
    }

    /** The same for a tenant named by the caller (live events, which have no signed-in member). */
    public Optional<MaintenanceWindow> activeFor(long tenantId, int agentId, int deviceId, List<String> tags) {
        var now = clock.instant();
        return MaintenanceWindow.ofSite(tenantId, agentId).stream()
                .filter(w -> w.covers(deviceId, tags) && w.activeAt(now)).findFirst();
    }

    /** The tenant's windows on now, to mark many sites and devices at once (the NOC page). */
    public OnNow onNow(long tenantId) {
        var now = clock.instant();
        return new OnNow(MaintenanceWindow.ofTenant(tenantId).stream().filter(w -> w.activeAt(now)).toList());
    }

    /** Windows on now; {@code tags} is asked only for a site with a tag window. */
    public record OnNow(List<MaintenanceWindow> windows) {
        public boolean site(int agentId) {
            return windows.stream().anyMatch(w -> w.agentId == agentId && w.covers == MaintenanceWindow.Covers.SITE);
        }

        public boolean device(int agentId, int deviceId, Supplier<List<String>> tags) {
            List<MaintenanceWindow> here = windows.stream().filter(w -> w.agentId == agentId).toList();
            if (here.isEmpty()) {
                return false;
            }
            List<String> known = here.stream().anyMatch(w -> w.covers == MaintenanceWindow.Covers.TAG) ? tags.get() : List.of();
            return here.stream().anyMatch(w -> w.covers(deviceId, known));
        }
    }

    @Transactional
    public MaintenanceWindow create(MaintenanceWindow window) {
        window.tenantId = user.tenantId();
        window.createdBy = user.email();
        window.createdAt = clock.instant();
        window.schedule();  // refuses an impossible schedule before anything is stored
        window.persist();
        audit.record(user.tenantId(), user.email(), "maintenance.create", "agent " + window.agentId,
                "ok: " + window.title + " (" + MaintenanceText.describe(window) + ")");
        return window;
    }

    /** Ends a window of this tenant early; false when there is no such window (or it had ended). */
    @Transactional
    public boolean end(int agentId, long id) {
        Optional<MaintenanceWindow> window = MaintenanceWindow.inTenant(user.tenantId(), id)
                .filter(w -> w.agentId == agentId && w.endedAt == null);
        window.ifPresent(w -> {
            w.endedAt = clock.instant();
            w.endedBy = user.email();
            audit.record(user.tenantId(), user.email(), "maintenance.end", "agent " + agentId, "ok: " + w.title);
        });
        return window.isPresent();
    }
}
