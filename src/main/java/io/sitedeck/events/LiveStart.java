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

    LiveStart(CurrentUser user, EventStore store) {
        this.user = user;
        this.store = store;
    }

    public long latestId() {
        return user.signedIn() ? store.latestId(user.tenantId()) : 0;
    }
}
