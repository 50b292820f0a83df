package io.sitedeck.events;

import io.sitedeck.account.CurrentUser;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;

/** Where a page's live stream starts: after the newest event its tenant had when the page was made ({@code inject:live}). */
@RequestScoped
@Named("live")
public class LiveStart {

    private final CurrentUser user;
    private final EventStore store;
    private Long latest;

    LiveStart(CurrentUser user, EventStore store) {
        this.user = user;
        this.store = store;
    }

    /** Read once per request: the layout and the Events page both need it. */
    public long latestId() {
        if (latest == null) {
            latest = user.signedIn() ? store.latestId(user.tenantId()) : 0;
        }
        return latest;
    }
}
