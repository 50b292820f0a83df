package io.sitedeck.console;

import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.sitedeck.account.Connections;
import io.sitedeck.account.CurrentUser;
import io.sitedeck.account.DomotzConnection;
import io.sitedeck.account.KeyVault;
import io.sitedeck.domotz.DomotzTarget;
import io.sitedeck.shared.LocalPaths;
import io.vertx.core.http.Cookie;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;
import java.net.URI;
import java.util.List;
import java.util.Optional;

/**
 * What every console page shows around its content: the signed-in member, the connection in use
 * (chosen with the switch in the header, remembered in a cookie), and warnings. Templates reach
 * it as {@code inject:console}.
 */
@RequestScoped
@Named("console")
public class ConsoleContext {

    private final CurrentUser user;
    private final KeyVault vault;
    private final CurrentVertxRequest request;
    private final Connections connections;
    private List<DomotzConnection> mine;
    private Optional<DomotzConnection> current;
    private Optional<DomotzTarget> target;

    ConsoleContext(CurrentUser user, KeyVault vault, CurrentVertxRequest request, Connections connections) {
        this.user = user;
        this.vault = vault;
        this.request = request;
        this.connections = connections;
    }

    /** The member's connections, read once per request (the header and the page both use them). */
    public List<DomotzConnection> connections() {
        if (mine == null) {
            mine = user.signedIn() ? DomotzConnection.of(user) : List.of();
        }
        return mine;
    }

    /** The connection to show: the chosen one if it is still the member's, else the default, else the first. */
    public Optional<DomotzConnection> current() {
        if (current == null) {
            Long chosen = chosenId();
            current = connections().stream().filter(c -> c.id.equals(chosen)).findFirst()
                    .or(() -> connections().stream().filter(c -> c.isDefault).findFirst())
                    .or(() -> connections().stream().findFirst());
        }
        return current;
    }

    /** The connection in use; without one, pages that show Domotz data are not found. */
    public DomotzConnection requiredConnection() {
        return current().orElseThrow(() -> new jakarta.ws.rs.NotFoundException(
                "Add a Domotz connection first (Connections page)"));
    }

    /**
     * The Domotz target of the connection in use (its key decrypted once per request, however many
     * parts of the page read Domotz); without a connection, pages that show Domotz data are not found.
     */
    public DomotzTarget target() {
        requiredConnection();
        return currentTarget().orElseThrow();
    }

    /** The same, or empty when the member has no connection (pages that still show without one). */
    public Optional<DomotzTarget> currentTarget() {
        if (target == null) {
            target = current().map(connections::target);
        }
        return target;
    }

    /** For templates: the connection in use, or null. */
    public DomotzConnection connection() {
        return current().orElse(null);
    }

    /** This page's path and query, for forms that come back here (the user menu's); "/" if it is not a console path. */
    public String here() {
        String uri = request.getCurrent().request().uri();
        return LocalPaths.parse(uri).map(URI::toString).orElse("/");
    }

    public boolean generatedKeyWarning() {
        return user.admin() && vault.usesGeneratedKey();
    }

    private Long chosenId() {
        Cookie cookie = request.getCurrent().request().getCookie(DomotzConnection.IN_USE_COOKIE);
        try {
            return cookie == null ? null : Long.valueOf(cookie.getValue());
        } catch (NumberFormatException tampered) {
            return null;
        }
    }
}
