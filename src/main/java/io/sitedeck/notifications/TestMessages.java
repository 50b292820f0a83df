package io.sitedeck.notifications;

import io.sitedeck.outbound.GuardedPost;
import io.sitedeck.outbound.OutboundGuard;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** "Send a test": a TEST message, sent at once, and its line in the delivery log; and how a failure is told. */
final class TestMessages {

    private TestMessages() {
    }

    static OutboxEntry entry(NotificationChannel channel, String by, Instant now) {
        OutboxEntry entry = new OutboxEntry();
        entry.tenantId = channel.tenantId;
        entry.channelId = channel.id;
        entry.idempotencyKey = "t" + channel.tenantId + ":test:" + UUID.randomUUID();
        entry.kind = OutboxEntry.Kind.TEST.name();
        entry.happenedAt = now;
        entry.message = "{}";
        entry.dueAt = now;
        entry.nextAttemptAt = now;
        entry.createdAt = now;
        return entry;
    }

    static Rendered rendered(OutboxEntry entry, String by) {
        NotificationMessage message = new NotificationMessage("A test message", null, "Sitedeck", null, null, null,
                by, null, null);
        return new Rendered(OutboxEntry.Kind.TEST, entry.idempotencyKey, message, List.of(message));
    }

    /** What went wrong, in Sitedeck's words (a receiver's answer is never shown). */
    static String problem(RuntimeException failed) {
        return failed instanceof GuardedPost.Failed || failed instanceof OutboundGuard.Refused ? failed.getMessage()
                : "The mail server did not accept the message (" + failed.getClass().getSimpleName() + ").";
    }

    static void record(OutboxEntry entry, String problem, Instant now) {
        entry.status = problem == null ? OutboxEntry.SENT : OutboxEntry.FAILED;
        entry.attempts = 1;
        entry.sentAt = problem == null ? now : null;
        entry.lastError = problem;
        entry.persist();
    }
}
