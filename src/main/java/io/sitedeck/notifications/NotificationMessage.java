package io.sitedeck.notifications;

/**
 * The facts of one notification, as the outbox keeps them (JSON) and every channel kind renders them: the customer
 * (team), site, device, what happened and since when, how long it was down (a recovery), the team note's owner, and a
 * link to the device (or site) page. Nothing here is secret; all of it is escaped by each renderer for its format.
 */
public record NotificationMessage(String what, String customer, String site, String device, String since,
                                  String downtime, String owner, String link) {
}
