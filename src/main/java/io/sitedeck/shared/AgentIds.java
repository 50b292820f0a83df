package io.sitedeck.shared;

import jakarta.ws.rs.NotFoundException;

/** Ids in console URLs: anything that is not a positive number is simply not found. */
public final class AgentIds {

    private AgentIds() {
    }

    public static int parse(String text) {
        try {
            int id = Integer.parseInt(text.trim());
            if (id > 0) {
                return id;
            }
        } catch (NumberFormatException notANumber) {
            // falls through to not found
        }
        throw new NotFoundException("No such id: " + text);
    }
}
