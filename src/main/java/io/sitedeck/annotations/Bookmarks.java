package io.sitedeck.annotations;

import io.quarkus.qute.TemplateData;
import io.sitedeck.account.Connections;
import io.sitedeck.account.CurrentUser;
import io.sitedeck.console.ConsoleContext;
import io.sitedeck.domotz.DomotzException;
import io.sitedeck.domotz.DomotzGateway;
import io.sitedeck.domotz.DomotzTarget;
import io.sitedeck.domotz.model.Device;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The signed-in person's bookmarks, and their live status: a site's from the agent, a device's
 * from its site's device list — one cached read per site, however many devices are starred.
 */
@ApplicationScoped
public class Bookmarks {

    @Inject
    Clock clock;

    /** The star of a page: whether this person has bookmarked it. */
    @TemplateData
    public record Star(int agentId, int deviceId, String label, boolean starred) {}

    /** A bookmark with the status Domotz reports now ({@code status} null: unknown, {@code detail} says why). */
    public record Line(Bookmark bookmark, String status, String detail) {}

    private final CurrentUser user;
    private final ConsoleContext console;
    private final Connections connections;
    private final DomotzGateway gateway;

    Bookmarks(CurrentUser user, ConsoleContext console, Connections connections, DomotzGateway gateway) {
        this.user = user;
        this.console = console;
        this.connections = connections;
        this.gateway = gateway;
    }

    public Star star(int agentId, int deviceId, String label) {
        return new Star(agentId, deviceId, label, Bookmark.of(user.tenantId(), user.id(), agentId, deviceId).isPresent());
    }

    /** Stars or unstars a page; answers the new star. */
    @Transactional
    public Star toggle(int agentId, int deviceId, String label) {
        Optional<Bookmark> existing = Bookmark.of(user.tenantId(), user.id(), agentId, deviceId);
        if (existing.isPresent()) {
            existing.get().delete();
            return new Star(agentId, deviceId, label, false);
        }
        Bookmark bookmark = new Bookmark();
        bookmark.tenantId = user.tenantId();
        bookmark.userId = user.id();
        bookmark.agentId = agentId;
        bookmark.deviceId = deviceId;
        bookmark.label = label;
        bookmark.createdAt = clock.instant();
        bookmark.persist();
        return new Star(agentId, deviceId, label, true);
    }

    /** Removes one of this person's bookmarks; false if it is not theirs (or not there). */
    @Transactional
    public boolean remove(long id) {
        return Bookmark.delete("id = ?1 and tenantId = ?2 and userId = ?3", id, user.tenantId(), user.id()) > 0;
    }

    /** This person's bookmarks (at most {@code limit}) with live status. */
    public List<Line> lines(int limit) {
        List<Bookmark> bookmarks = Bookmark.of(user.tenantId(), user.id()).stream().limit(limit).toList();
        Optional<DomotzTarget> target = console.current().map(connections::target);
        if (target.isEmpty()) {
            return bookmarks.stream().map(b -> new Line(b, null, "no Domotz connection")).toList();
        }
        Map<Integer, Map<Integer, Device>> devicesBySite = new HashMap<>();
        return bookmarks.stream().map(b -> line(b, target.get(), devicesBySite)).toList();
    }

    private Line line(Bookmark bookmark, DomotzTarget target, Map<Integer, Map<Integer, Device>> devicesBySite) {
        try {
            if (bookmark.site()) {
                var status = gateway.getAgent(target, bookmark.agentId).status();
                return new Line(bookmark, status == null || status.value() == null ? null : status.value().name(), null);
            }
            Map<Integer, Device> devices = devicesBySite.computeIfAbsent(bookmark.agentId, agent ->
                    gateway.listDevices(target, agent, false).stream()
                            .collect(java.util.stream.Collectors.toMap(Device::id, d -> d, (a, b) -> a)));
            Device device = devices.get(bookmark.deviceId);
            return device == null ? new Line(bookmark, null, "not in Domotz's device list now")
                    : new Line(bookmark, device.status() == null ? null : device.status().name(), null);
        } catch (DomotzException failure) {
            return new Line(bookmark, null, failure.getMessage());
        }
    }
}
