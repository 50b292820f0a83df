package io.sitedeck.fleet;

/** Where a row of the fleet index last came from. */
public enum FleetSource {
    /** A device or site list a page (or an export) read from Domotz anyway. */
    PAGE("page view"),
    /** The background crawler. */
    CRAWL("crawl"),
    /** A Domotz webhook event. */
    WEBHOOK("webhook");

    private final String label;

    FleetSource(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
