package io.sitedeck.account;

import io.quarkus.qute.TemplateData;
import java.util.Arrays;
import java.util.Optional;

/** The Domotz cells a connection can point at; CUSTOM takes any https (or local http) base URL. */
@TemplateData
public enum Cell {
    EU("Europe (eu-west-1)", "https://api-eu-west-1-cell-1.domotz.com/public-api/v1"),
    US("United States (us-east-1)", "https://api-us-east-1-cell-1.domotz.com/public-api/v1"),
    SANDBOX("Embedded sandbox", DomotzConnection.EMBEDDED_SANDBOX),
    CUSTOM("Custom base URL", null);

    private final String label;
    private final String baseUrl;

    Cell(String label, String baseUrl) {
        this.label = label;
        this.baseUrl = baseUrl;
    }

    public String label() {
        return label;
    }

    /** The fixed base URL, or empty for CUSTOM. */
    public Optional<String> baseUrl() {
        return Optional.ofNullable(baseUrl);
    }

    /** This cell, by the name a form sent (the selected option of the cell menu). */
    public boolean named(String value) {
        return name().equals(value);
    }

    public static Optional<Cell> parse(String name) {
        return Arrays.stream(values()).filter(c -> c.name().equalsIgnoreCase(name == null ? "" : name.trim()))
                .findFirst();
    }

    /** True for a connection whose base URL a person typed (none of the known cells, not the sandbox). */
    static boolean custom(String baseUrl) {
        return Arrays.stream(values()).noneMatch(c -> baseUrl.equals(c.baseUrl));
    }

    static String labelOf(String baseUrl) {
        return Arrays.stream(values()).filter(c -> baseUrl.equals(c.baseUrl)).map(Cell::label).findFirst()
                .orElse(baseUrl);
    }
}
