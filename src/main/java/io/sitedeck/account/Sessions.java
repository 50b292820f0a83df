package io.sitedeck.account;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;

/**
 * Ends every session of a member at once: moves their session epoch (each cookie carries the one
 * it was issued in, see {@link SessionToken}) and tells whatever holds something open for those
 * sessions ({@link SessionsEnded}: the live event streams, after the transaction commits).
 */
@ApplicationScoped
public class Sessions {

    private final Event<SessionsEnded> ended;

    Sessions(Event<SessionsEnded> ended) {
        this.ended = ended;
    }

    /** Call inside the transaction that changes the member (sign-out, password, role, disabling). */
    public void end(AppUser member) {
        member.sessionEpoch++;
        ended.fire(new SessionsEnded(member.id));
    }
}
