package io.sitedeck.account;

import io.sitedeck.domotz.DomotzException;
import java.util.Map;

/**
 * What the connection form says when a cell did not check out. The URL is not yet known to be a
 * Domotz API, so nothing it sent is repeated (no message, no name, no banner): only the kind of
 * failure and the HTTP status, which tell a person what to fix without turning the form into a
 * way to read other services.
 */
final class UnverifiedFailures {

    private UnverifiedFailures() {
    }

    /** Field name → sentence, for the form. */
    static Map<String, String> problem(DomotzException failure) {
        if (failure instanceof DomotzException.TargetRefused refused) {
            return Map.of("customUrl", refused.getMessage());
        }
        if (failure instanceof DomotzException.KeyRejected) {
            return Map.of("apiKey", "Domotz rejected this key (HTTP 401): check it in the Domotz portal.");
        }
        if (failure instanceof DomotzException.QuotaExceeded) {
            return Map.of("apiKey", "This key's API quota is used up for now (HTTP 429): try again later.");
        }
        if (failure instanceof DomotzException.Unreachable unreachable) {
            return Map.of("cell", "Could not use this cell: " + unreachable.kind() + ".");
        }
        if (failure instanceof DomotzException.Unreadable) {
            return Map.of("cell", "Not a Domotz API (its answer is not Domotz's JSON).");
        }
        int status = failure.status();
        if (status > 0) {
            return Map.of("cell", "Not a Domotz API (HTTP " + status + ").");
        }
        return Map.of("cell", "Could not use this cell: the connection failed.");
    }
}
