package io.sitedeck.notifications;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/**
 * One message as each channel kind wants it, from the facts of one outbox entry or of a burst (several DOWNs of one
 * site collapsed): a title and lines for e-mail, an Adaptive Card for Teams (Workflows webhooks), Slack's text with
 * its escaping, and a JSON document for generic webhooks. JSON is built with Jackson, never by concatenation.
 */
record Rendered(OutboxEntry.Kind kind, String idempotencyKey, NotificationMessage lead, List<NotificationMessage> items) {

    String title() {
        String site = lead.site();
        return switch (kind) {
            case DOWN -> items.size() > 1 ? items.size() + " down at " + site
                    : (lead.device() == null ? site + " is offline" : lead.device() + " is down — " + site);
            case RECOVERED -> (lead.device() == null ? site : lead.device() + " — " + site) + " is back up after "
                    + lead.downtime();
            case ESCALATION -> "Not acknowledged: " + (lead.device() == null ? site : lead.device() + " — " + site)
                    + " down since " + lead.since();
            case EVENT -> lead.what() + " — " + site;
            case TEST -> "Test from Sitedeck";
        };
    }

    /** The facts, one per line, as "label: value"; a burst lists each device. */
    List<String> lines() {
        List<String> lines = new ArrayList<>();
        add(lines, "Customer", lead.customer());
        add(lines, "Site", lead.site());
        if (items.size() > 1) {
            items.forEach(i -> lines.add("Down: " + (i.device() == null ? "the site itself" : i.device()) + " since " + i.since()
                    + (i.acknowledge() == null ? "" : " (acknowledge: " + i.acknowledge() + ")")));
        } else {
            add(lines, "Device", lead.device());
            add(lines, "What", lead.what());
            add(lines, "Since", lead.since());
            add(lines, "Was down", lead.downtime());
        }
        add(lines, "Owner", lead.owner());
        if (items.size() == 1 && acknowledgeable()) {
            add(lines, "Acknowledge", lead.acknowledge());
        }
        return lines;
    }

    /** A DOWN or its escalation of one device carries the link that acknowledges it. */
    private boolean acknowledgeable() {
        return lead.acknowledge() != null && (kind == OutboxEntry.Kind.DOWN || kind == OutboxEntry.Kind.ESCALATION);
    }

    String text() {
        return title() + "\n\n" + String.join("\n", lines()) + (lead.link() == null ? "" : "\n\nOpen in Sitedeck: " + lead.link());
    }

    String teams(ObjectMapper json) {
        ObjectNode card = json.createObjectNode();
        card.put("$schema", "http://adaptivecards.io/schemas/adaptive-card.json").put("type", "AdaptiveCard")
                .put("version", "1.4");
        ArrayNode body = card.putArray("body");
        body.addObject().put("type", "TextBlock").put("text", title()).put("weight", "Bolder").put("size", "Medium")
                .put("wrap", true);
        ArrayNode facts = body.addObject().put("type", "FactSet").putArray("facts");
        for (String line : lines()) {
            int colon = line.indexOf(": ");
            facts.addObject().put("title", line.substring(0, colon)).put("value", line.substring(colon + 2));
        }
        if (lead.link() != null) {
            ArrayNode actions = card.putArray("actions");
            actions.addObject().put("type", "Action.OpenUrl").put("title", "Open in Sitedeck").put("url", lead.link());
            if (items.size() == 1 && acknowledgeable()) {
                actions.addObject().put("type", "Action.OpenUrl").put("title", "Acknowledge").put("url", lead.acknowledge());
            }
        }
        ObjectNode message = json.createObjectNode().put("type", "message");
        message.putArray("attachments").addObject().put("contentType", "application/vnd.microsoft.card.adaptive")
                .set("content", card);
        return message.toString();
    }

    String slack(ObjectMapper json) {
        String text = "*" + slackEscape(title()) + "*\n" + String.join("\n", lines().stream().map(Rendered::slackEscape).toList())
                + (lead.link() == null ? "" : "\n<" + lead.link() + "|Open in Sitedeck>");
        return json.createObjectNode().put("text", text).toString();
    }

    String webhook(ObjectMapper json) {
        ObjectNode body = json.createObjectNode();
        body.put("idempotency_key", idempotencyKey).put("kind", kind.name()).put("title", title());
        ArrayNode list = body.putArray("items");
        for (NotificationMessage item : items) {
            list.addObject().put("what", item.what()).put("customer", item.customer()).put("site", item.site())
                    .put("device", item.device()).put("since", item.since()).put("downtime", item.downtime())
                    .put("owner", item.owner()).put("link", item.link()).put("acknowledge", item.acknowledge());
        }
        return body.toString();
    }

    private static void add(List<String> lines, String label, String value) {
        if (value != null && !value.isBlank()) {
            lines.add(label + ": " + value);
        }
    }

    /** Slack's three control characters. */
    static String slackEscape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
