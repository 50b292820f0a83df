package io.sitedeck.notifications;

import java.util.Arrays;
import java.util.Optional;

/** Where a channel delivers: e-mail through the Quarkus mailer, or a POST to Teams, Slack or any webhook. */
public enum ChannelKind {
    EMAIL("E-mail"), TEAMS("Microsoft Teams"), SLACK("Slack"), WEBHOOK("Webhook (signed JSON)");

    private final String label;

    ChannelKind(String label) {
        this.label = label;
    }

    /** The form's value (the constant's name; {@code name()} itself would be resolved by reflection in templates). */
    public String value() {
        return name();
    }

    public String label() {
        return label;
    }

    static Optional<ChannelKind> of(String name) {
        return Arrays.stream(values()).filter(k -> k.name().equals(name)).findFirst();
    }
}
