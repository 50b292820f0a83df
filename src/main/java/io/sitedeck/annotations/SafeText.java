package io.sitedeck.annotations;

import io.sitedeck.shared.HtmlText;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Renders a note as HTML from a small, safe Markdown subset: paragraphs, line breaks, "- " lists,
 * **bold**, `code` and http(s) links. Everything is escaped first and only these tags are added
 * afterwards, so no HTML a person typed ever reaches the page as HTML.
 */
public final class SafeText {

    private static final Pattern LINK = Pattern.compile("https?://[^\\s<>\"']+");
    private static final Pattern BOLD = Pattern.compile("\\*\\*([^*\\n]+)\\*\\*");
    private static final Pattern CODE = Pattern.compile("`([^`\\n]+)`");

    private SafeText() {
    }

    public static String html(String text) {
        if (text == null || text.isBlank()) {
            return "";
        }
        StringBuilder html = new StringBuilder();
        for (String block : HtmlText.escape(text.replace("\r\n", "\n")).split("\n\\s*\n")) {
            // Within a block, runs of "- " lines are a list and runs of other lines a paragraph.
            List<String> run = new ArrayList<>();
            boolean listRun = false;
            for (String line : block.strip().split("\n")) {
                boolean item = line.strip().startsWith("- ") || line.strip().startsWith("* ");
                if (item != listRun && !run.isEmpty()) {
                    flush(html, run, listRun);
                }
                listRun = item;
                run.add(item ? line.strip().substring(2) : line);
            }
            flush(html, run, listRun);
        }
        return html.toString();
    }

    private static void flush(StringBuilder html, List<String> run, boolean list) {
        if (list) {
            html.append("<ul>");
            run.forEach(item -> html.append("<li>").append(inline(item)).append("</li>"));
            html.append("</ul>");
        } else {
            html.append("<p>").append(String.join("<br>", run.stream().map(SafeText::inline).toList())).append("</p>");
        }
        run.clear();
    }

    /** Links first (their URLs must not pick up bold or code), then bold and code in the rest. */
    private static String inline(String escaped) {
        StringBuilder out = new StringBuilder();
        Matcher link = LINK.matcher(escaped);
        int last = 0;
        while (link.find()) {
            String url = link.group();
            String trailing = "";
            while (!url.isEmpty() && ".,;:!?)".indexOf(url.charAt(url.length() - 1)) >= 0) {
                trailing = url.charAt(url.length() - 1) + trailing;
                url = url.substring(0, url.length() - 1);
            }
            out.append(emphasis(escaped.substring(last, link.start())))
                    .append("<a href=\"").append(url).append("\" rel=\"noopener noreferrer nofollow\" target=\"_blank\">")
                    .append(url).append("</a>").append(trailing);
            last = link.end();
        }
        return out.append(emphasis(escaped.substring(last))).toString();
    }

    private static String emphasis(String escaped) {
        return CODE.matcher(BOLD.matcher(escaped).replaceAll("<strong>$1</strong>")).replaceAll("<code>$1</code>");
    }
}
