package io.sitedeck.account;

import io.quarkus.vertx.http.HttpServer;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.sitedeck.audit.AuditLog;
import io.sitedeck.domotz.DomotzException;
import io.sitedeck.domotz.DomotzGateway;
import io.sitedeck.domotz.DomotzTarget;
import io.sitedeck.outbound.OutboundGuard;
import io.sitedeck.sandbox.EmbeddedSandbox;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A user's Domotz connections: checked against Domotz before they are saved, keys encrypted,
 * every change audited (never the key), and turned into a {@link DomotzTarget} when used.
 */
@ApplicationScoped
public class Connections {

    @Inject
    Clock clock;

    /** Field name → message, for re-rendering the form next to the fields. */
    public static class Invalid extends RuntimeException {
        public final Map<String, String> problems;

        Invalid(Map<String, String> problems) {
            super(String.join("; ", problems.values()), null, false, false);
            this.problems = problems;
        }
    }

    private final KeyVault vault;
    private final DomotzGateway gateway;
    private final EmbeddedSandbox sandbox;
    private final AuditLog audit;
    private final CurrentVertxRequest request;
    private final HttpServer server;

    Connections(KeyVault vault, DomotzGateway gateway, EmbeddedSandbox sandbox, AuditLog audit,
                CurrentVertxRequest request, HttpServer server) {
        this.server = server;
        this.vault = vault;
        this.gateway = gateway;
        this.sandbox = sandbox;
        this.audit = audit;
        this.request = request;
    }

    /**
     * The cells this member may choose: the known ones, the embedded sandbox when it is on, and a
     * custom URL for admins only (it makes the server connect where the form says).
     */
    public List<Cell> cellsFor(CurrentUser user) {
        return Arrays.stream(Cell.values())
                .filter(cell -> cell != Cell.SANDBOX || sandbox.enabled())
                .filter(cell -> cell != Cell.CUSTOM || user.admin())
                .toList();
    }

    /** Checks name, cell and key with Domotz and saves the connection; throws {@link Invalid} otherwise. */
    @Transactional
    public DomotzConnection add(CurrentUser user, String name, String cell, String customUrl, String apiKey) {
        Map<String, String> problems = new LinkedHashMap<>();
        String cleanName = name(name, problems);
        String baseUrl = baseUrl(user, cell, customUrl, problems);
        String key = apiKey == null ? "" : apiKey.trim();
        if (key.isEmpty() || key.length() > 200) {
            problems.put("apiKey", "Paste the API key from the Domotz portal.");
        }
        if (!problems.isEmpty()) {
            throw new Invalid(problems);
        }
        DomotzGateway.KeyCheck check = check(baseUrl, key);
        DomotzConnection connection = new DomotzConnection();
        connection.tenantId = user.tenantId();
        connection.userId = user.id();
        connection.name = cleanName;
        connection.baseUrl = baseUrl;
        store(connection, key, check);
        connection.isDefault = DomotzConnection.of(user).isEmpty();
        connection.createdAt = clock.instant();
        connection.persist();
        record(user, "connection.add", connection, "ok: Domotz user " + check.user().name());
        return connection;
    }

    @Transactional
    public void rename(CurrentUser user, DomotzConnection connection, String name) {
        Map<String, String> problems = new LinkedHashMap<>();
        String cleanName = name(name, problems);
        if (!problems.isEmpty()) {
            throw new Invalid(problems);
        }
        String old = connection.name;
        connection.name = cleanName;
        DomotzConnection.getEntityManager().merge(connection);
        record(user, "connection.rename", connection, "ok: was " + old);
    }

    @Transactional
    public void replaceKey(CurrentUser user, DomotzConnection connection, String apiKey) {
        if (Cell.custom(connection.baseUrl) && !user.admin()) {
            throw new Invalid(Map.of("apiKey", "Only an admin may change a connection to a custom URL."));
        }
        String key = apiKey == null ? "" : apiKey.trim();
        if (key.isEmpty() || key.length() > 200) {
            throw new Invalid(Map.of("apiKey", "Paste the new API key."));
        }
        DomotzGateway.KeyCheck check = check(connection.baseUrl, key);
        store(connection, key, check);
        DomotzConnection.getEntityManager().merge(connection);
        record(user, "connection.replace-key", connection, "ok: key ••••" + connection.keyLast4);
    }

    /** Calls Domotz now with the stored key; a sentence for the page either way. */
    public String test(CurrentUser user, DomotzConnection connection) {
        try {
            DomotzGateway.KeyCheck check = gateway.verify(target(connection));
            record(user, "connection.test", connection, "ok");
            return "Works: Domotz user " + check.user().name() + ", " + check.usage().dailyUsage() + " of "
                    + check.usage().dailyLimit() + " calls used today.";
        } catch (DomotzException failure) {
            record(user, "connection.test", connection, "failed: " + failure.explanation());
            return "Failed: " + failure.explanation();
        }
    }

    @Transactional
    public void makeDefault(CurrentUser user, DomotzConnection connection) {
        for (DomotzConnection mine : DomotzConnection.of(user)) {
            mine.isDefault = mine.id.equals(connection.id);
        }
        record(user, "connection.default", connection, "ok");
    }

    @Transactional
    public void delete(CurrentUser user, DomotzConnection connection) {
        DomotzConnection.delete("id = ?1 and tenantId = ?2 and userId = ?3", connection.id, user.tenantId(), user.id());
        List<DomotzConnection> left = DomotzConnection.of(user);
        if (connection.isDefault && !left.isEmpty()) {
            left.get(0).isDefault = true;
        }
        record(user, "connection.delete", connection, "ok");
    }

    /**
     * The Domotz targets of a tenant's connections, one per cell and Domotz user (the cache's
     * scope): where news about the tenant's sites belongs. Resolving the embedded sandbox needs
     * the current request.
     */
    @Transactional
    public List<DomotzTarget> targetsOf(long tenantId) {
        Map<String, DomotzTarget> distinct = new LinkedHashMap<>();
        for (DomotzConnection connection : DomotzConnection.<DomotzConnection>list("tenantId", tenantId)) {
            DomotzTarget target = target(connection);
            distinct.putIfAbsent(target.baseUrl() + "|" + target.cacheScope(), target);
        }
        return List.copyOf(distinct.values());
    }

    /** The tenants with at least one connection to the embedded sandbox, in id order. */
    @Transactional
    public List<Long> tenantsOnTheEmbeddedSandbox() {
        return DomotzConnection.getEntityManager()
                .createQuery("select distinct c.tenantId from DomotzConnection c where c.baseUrl = ?1 order by c.tenantId",
                        Long.class)
                .setParameter(1, DomotzConnection.EMBEDDED_SANDBOX).getResultList();
    }

    /**
     * One Domotz target per cell and Domotz user among the connections of enabled members of every
     * tenant, in connection order: what background work (the fleet crawler) reads with. Outside a
     * request, the embedded sandbox is this server's own port.
     */
    @Transactional
    public List<DomotzTarget> backgroundTargets() {
        Map<String, DomotzTarget> distinct = new LinkedHashMap<>();
        List<DomotzConnection> all = DomotzConnection.getEntityManager().createQuery(
                "select c from DomotzConnection c, AppUser u where u.id = c.userId and u.enabled = true order by c.id",
                DomotzConnection.class).getResultList();
        for (DomotzConnection connection : all) {
            DomotzTarget target = backgroundTarget(connection);
            distinct.putIfAbsent(target.indexScope(), target);
        }
        return List.copyOf(distinct.values());
    }

    /**
     * The target of one connection of the tenant for background work (a scheduled report), while its member is
     * enabled; empty when the connection is gone or its member disabled.
     */
    @Transactional
    public Optional<DomotzTarget> backgroundTarget(long tenantId, long connectionId) {
        return DomotzConnection.<DomotzConnection>find("tenantId = ?1 and id = ?2", tenantId, connectionId)
                .firstResultOptional()
                .filter(c -> AppUser.<AppUser>findByIdOptional(c.userId).map(u -> u.enabled).orElse(false))
                .map(this::backgroundTarget);
    }

    private DomotzTarget backgroundTarget(DomotzConnection connection) {
        String key = vault.decrypt(connection.keyCiphertext);
        return DomotzConnection.EMBEDDED_SANDBOX.equals(connection.baseUrl)
                ? DomotzTarget.embedded(sandbox.baseUrl(server.getPort()), key, connection.domotzUserId)
                : new DomotzTarget(URI.create(connection.baseUrl), key, connection.domotzUserId);
    }

    public DomotzTarget target(DomotzConnection connection) {
        return target(connection.baseUrl, vault.decrypt(connection.keyCiphertext), connection.domotzUserId);
    }

    private DomotzTarget target(String baseUrl, String key, Integer domotzUserId) {
        return DomotzConnection.EMBEDDED_SANDBOX.equals(baseUrl)
                ? DomotzTarget.embedded(sandbox.baseUrl(request.getCurrent().request().localAddress().port()), key,
                        domotzUserId)
                : new DomotzTarget(URI.create(baseUrl), key, domotzUserId);
    }

    /**
     * Calls the cell with the key. Until both answers are Domotz's, the URL is not trusted, so
     * nothing the other end sent reaches the page: only what kind of failure it was.
     */
    private DomotzGateway.KeyCheck check(String baseUrl, String key) {
        try {
            return gateway.verify(target(baseUrl, key, null));
        } catch (DomotzException failure) {
            throw new Invalid(UnverifiedFailures.problem(failure));
        }
    }

    private void store(DomotzConnection connection, String key, DomotzGateway.KeyCheck check) {
        connection.keyCiphertext = vault.encrypt(key);
        connection.keyLast4 = key.length() > 4 ? key.substring(key.length() - 4) : "";
        connection.domotzUserId = check.user().id();
        connection.domotzUser = check.user().name();
    }

    private void record(CurrentUser user, String action, DomotzConnection connection, String outcome) {
        audit.record(user.tenantId(), user.email(), action, connection.name + " (" + connection.cellLabel() + ")",
                outcome);
    }

    private static String name(String name, Map<String, String> problems) {
        String clean = name == null ? "" : name.trim();
        if (clean.isEmpty() || clean.length() > 80) {
            problems.put("name", "Give the connection a name of 1 to 80 characters.");
        }
        return clean;
    }

    private String baseUrl(CurrentUser user, String cellName, String customUrl, Map<String, String> problems) {
        Optional<Cell> cell = Cell.parse(cellName);
        if (cell.isEmpty()) {
            problems.put("cell", "Choose a cell.");
            return null;
        }
        if (cell.get() == Cell.CUSTOM && !user.admin()) {
            problems.put("cell", "Only an admin may add a connection to a custom URL: choose a Domotz cell.");
            return null;
        }
        if (cell.get() == Cell.SANDBOX && !sandbox.enabled()) {
            problems.put("cell", "The embedded sandbox is switched off on this server.");
            return null;
        }
        return cell.get().baseUrl().orElseGet(() -> customUrl(customUrl, problems));
    }

    /** An absolute URL the outbound guard allows (allow-list, no internal address), checked before any connection. */
    private String customUrl(String text, Map<String, String> problems) {
        String url = text == null ? "" : text.trim().replaceAll("/+$", "");
        try {
            URI uri = new URI(url);
            gateway.checkCellUrl(uri);
        } catch (URISyntaxException malformed) {
            problems.put("customUrl", "This is not a valid URL: " + malformed.getReason());
        } catch (OutboundGuard.Refused refused) {
            problems.put("customUrl", refused.getMessage());
        }
        return url;
    }
}
