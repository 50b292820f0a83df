package io.sitedeck.notifications;


/** Small texts of messages and pages. */
final class Texts {

    private Texts() {
    }

    /** A webhook URL as pages show it: scheme and host, the rest hidden (for Teams and Slack the path is the secret). */
    static String maskUrl(java.net.URI url) {
        return url.getScheme() + "://" + url.getHost() + (url.getPort() > 0 ? ":" + url.getPort() : "") + "/…";
    }

    /** E-mail addresses as pages show them: the first, and how many more. */
    static String maskEmails(java.util.List<String> addresses) {
        return addresses.get(0) + (addresses.size() > 1 ? " and " + (addresses.size() - 1) + " more" : "");
    }
}
