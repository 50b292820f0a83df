package io.sitedeck.console;

import io.sitedeck.domotz.Budget;
import io.sitedeck.domotz.DomotzGateway;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;
import java.util.Locale;

/**
 * The page footer's line about today's Domotz budget of the connection in use: what Sitedeck
 * knows without a call (the last {@code /meta/usage} figures and its own count since).
 */
@Named("budget")
@RequestScoped
public class BudgetFooter {

    private final ConsoleContext console;
    private final DomotzGateway gateway;
    private Budget.View view;

    BudgetFooter(ConsoleContext console, DomotzGateway gateway) {
        this.console = console;
        this.gateway = gateway;
    }

    /** Null when no connection is in use. */
    public Budget.View view() {
        if (view == null) {
            view = console.currentTarget().map(gateway::budget).orElse(null);
        }
        return view;
    }

    /** How much longer than configured answers stay fresh now, e.g. {@code 1.5×}. */
    public String factor() {
        Budget.View current = view();
        return current == null ? "" : String.format(Locale.ROOT, "%.1f×", current.ttlFactor());
    }
}
