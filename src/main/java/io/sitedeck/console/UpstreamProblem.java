package io.sitedeck.console;

import io.sitedeck.domotz.DomotzException;

/**
 * A Domotz failure explained for a person, with where to go next: a rejected key links to the
 * connections page, a refused site says so, a spent quota or an unavailable cell offers a retry.
 */
public record UpstreamProblem(int pageStatus, String title, String message, String fixLink, boolean retry) {

    /** The status of an answer that is not a page (a panel, a download): 404 stays, anything else is the upstream's failure. */
    public int refusalStatus() {
        return pageStatus == 404 ? 404 : 502;
    }

    public static UpstreamProblem of(DomotzException failure, String connectionName) {
        if (failure instanceof DomotzException.KeyRejected) {
            return new UpstreamProblem(200, "API key rejected", "Your API key for “" + connectionName
                    + "” was rejected by Domotz (" + failure.getMessage() + "). Replace it to continue.",
                    "/connections", false);
        }
        if (failure instanceof DomotzException.AccessDenied) {
            return new UpstreamProblem(200, "No access", "This key has no access to this site: "
                    + failure.getMessage(), null, false);
        }
        if (failure instanceof DomotzException.NotFound) {
            return new UpstreamProblem(404, "Not found", "Domotz does not know this "
                    + "site or device for “" + connectionName + "”: " + failure.getMessage(), null, false);
        }
        if (failure instanceof DomotzException.QuotaExceeded) {
            return new UpstreamProblem(200, "Domotz quota reached", "The API quota of “" + connectionName
                    + "” is spent for now: " + failure.getMessage(), null, true);
        }
        if (failure instanceof DomotzException.Unavailable) {
            return new UpstreamProblem(200, "Domotz is not answering", failure.explanation(), null, true);
        }
        return new UpstreamProblem(200, "Domotz refused the request", failure.explanation(), null, true);
    }
}
