package io.sitedeck.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class SplicedHtmlTest {

    @Test
    void thePartGoesWhereTheMarkerIsAndEveryCharacterSurvives() {
        byte[] part = "<a>Café Ørsted · 東京</a>".getBytes(StandardCharsets.UTF_8);
        byte[] page = SplicedHtml.of("<h1>NOC → all sites</h1><!--tiles--><p>… done</p>", "<!--tiles-->", part);
        assertEquals("<h1>NOC → all sites</h1><a>Café Ørsted · 東京</a><p>… done</p>", new String(page, StandardCharsets.UTF_8));
    }

    @Test
    void aPageWithoutItsMarkerIsAMistakeUnlessThereIsNothingToPutIn() {
        assertThrows(IllegalStateException.class, () -> SplicedHtml.of("<p>no marker</p>", "<!--tiles-->", new byte[] {'x'}));
        assertEquals("<p>No connection → nothing</p>",
                new String(SplicedHtml.of("<p>No connection → nothing</p>", "<!--tiles-->", new byte[0]), StandardCharsets.UTF_8));
    }
}
