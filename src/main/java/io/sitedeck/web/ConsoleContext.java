package io.sitedeck.web;

import io.sitedeck.account.Connections;
import io.sitedeck.account.CurrentUser;
import io.sitedeck.account.DomotzConnection;
import io.sitedeck.account.KeyVault;
import io.vertx.core.http.Cookie;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;
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

    public static final String CONNECTION_COOKIE = "sitedeck-connection";

    private final CurrentUser user;
    private final Connections connections;
    private final KeyVault vault;
    private final CurrentVertxRequest request;
    private Optional<DomotzConnection> current;

    ConsoleContext(CurrentUser user, Connections connections, KeyVault vault, CurrentVertxRequest request) {
        this.user = user;
        this.connections = connections;
        this.vault = vault;
        this.request = request;
    }

    public List<DomotzConnection> connections() {
        return user.signedIn() ? DomotzConnection.of(user) : List.of();
    }

    public Optional<DomotzConnection> current() {
        if (current == null) {
            current = user.signedIn() ? connections.current(user, chosenId()) : Optional.empty();
        }
        return current;
    }

    /** The connection in use; without one, pages that show Domotz data are not found. */
    public DomotzConnection requiredConnection() {
        return current().orElseThrow(() -> new jakarta.ws.rs.NotFoundException(
                "Add a Domotz connection first (Connections page)"));
    }

    /** For templates: the connection in use, or null. */
    public DomotzConnection connection() {
        return current().orElse(null);
    }

    public boolean generatedKeyWarning() {
        return user.admin() && vault.usesGeneratedKey();
    }

    private Long chosenId() {
        Cookie cookie = request.getCurrent().request().getCookie(CONNECTION_COOKIE);
        try {
            return cookie == null ? null : Long.valueOf(cookie.getValue());
        } catch (NumberFormatException tampered) {
            return null;
        }
    }
}
