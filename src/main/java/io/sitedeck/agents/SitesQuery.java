package io.sitedeck.agents;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** The sites list's URL parameters, read leniently: anything unreadable falls back to the default. */
public record SitesQuery(String q, String team, int page, int size) {

    static final int DEFAULT_SIZE = 25;

    static SitesQuery parse(String q, String team, String page, String size, List<Integer> sizes) {
        int chosenSize = number(size, DEFAULT_SIZE);
        return new SitesQuery(blankToNull(q), blankToNull(team), Math.max(0, number(page, 0)),
                sizes.contains(chosenSize) ? chosenSize : DEFAULT_SIZE);
    }

    /** The URL of this view on another page. */
    public String pageUrl(int target) {
        StringBuilder url = new StringBuilder("/agents?page=").append(target).append("&size=").append(size);
        if (q != null) {
            url.append("&q=").append(URLEncoder.encode(q, StandardCharsets.UTF_8));
        }
        if (team != null) {
            url.append("&team=").append(URLEncoder.encode(team, StandardCharsets.UTF_8));
        }
        return url.toString();
    }

    private static int number(String text, int fallback) {
        try {
            return text == null || text.isBlank() ? fallback : Integer.parseInt(text.trim());
        } catch (NumberFormatException unreadable) {
            return fallback;
        }
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.trim();
    }
}
