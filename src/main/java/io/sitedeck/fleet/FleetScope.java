package io.sitedeck.fleet;

import io.sitedeck.console.ConsoleContext;
import io.sitedeck.domotz.DomotzTarget;
import jakarta.enterprise.context.RequestScoped;
import java.util.Optional;

/**
 * The part of the index the signed-in member may see: the scope of the connection in use (its cell
 * and Domotz user). A member without a connection sees none; another tenant's rows are never in
 * reach, because the scope is only ever taken from the member's own connection.
 */
@RequestScoped
public class FleetScope {

    private final ConsoleContext console;

    FleetScope(ConsoleContext console) {
        this.console = console;
    }

    public Optional<String> current() {
        return console.currentTarget().map(DomotzTarget::indexScope);
    }
}
