package io.sitedeck.annotations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import org.junit.jupiter.api.Test;

/** The notes' safe Markdown subset, as plain logic: paragraphs, lists, bold, code, links — and nothing else. */
class SafeTextTest {

    @Test
    void paragraphsListsAndLineBreaks() {
        assertEquals("<p>first line<br>second line</p><ul><li>one</li><li>two</li></ul><p>after</p>",
                SafeText.html("first line\nsecond line\n- one\n* two\n\nafter"));
        assertEquals("", SafeText.html("  \n "));
        assertEquals("", SafeText.html(null));
    }

    @Test
    void boldCodeAndLinksWithoutTheirTrailingPunctuation() {
        assertEquals("<p><strong>rack 4</strong> runs <code>snmpd</code>, see "
                        + "<a href=\"https://wiki.example/rack-4\" rel=\"noopener noreferrer nofollow\" target=\"_blank\">"
                        + "https://wiki.example/rack-4</a>.</p>",
                SafeText.html("**rack 4** runs `snmpd`, see https://wiki.example/rack-4."));
    }

    @Test
    void everythingElseIsEscapedText() {
        String html = SafeText.html("<script>alert('x')</script> [a](javascript:alert(1)) \"quoted\" & more");
        assertEquals("<p>&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; [a](javascript:alert(1)) &quot;quoted&quot; &amp; more</p>",
                html);
        assertFalse(SafeText.html("javascript:alert(1)").contains("<a "), "only http(s) links become links");
    }
}
