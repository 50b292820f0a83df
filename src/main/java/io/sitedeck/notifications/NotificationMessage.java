package io.sitedeck.notifications;

/**
 * The facts of one notification, as the outbox keeps them (JSON) and every channel kind renders them: the customer
 * (team), site, device, what happened and since when, how long it was down (a recovery), the team note's owner, and a
 * link to the device (or site) page, and for a device going down the link that acknowledges it (its token is the
 * secret part; it works until the device recovers). Escaped by each renderer for its format.
 */
public record NotificationMessage(String what, String customer, String site, String device, String since,
                                  String downtime, String owner, String link, String acknowledge) {
}
