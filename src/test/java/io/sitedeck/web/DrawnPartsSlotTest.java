package io.sitedeck.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.sitedeck.shared.HtmlText;
import org.junit.jupiter.api.Test;

/** A slot's value goes into a kept part escaped as Qute escapes; a marker escaped content could contain is refused. */
class DrawnPartsSlotTest {

    @Test
    void aSlotsValueIsEscapedAsQuteEscapes() {
        assertEquals("/agents?a=1&amp;b=&lt;x&gt;&quot;&#39;", HtmlText.escape("/agents?a=1&b=<x>\"'"));
        assertEquals("4f1c-9a", HtmlText.escape("4f1c-9a"));
    }

    @Test
    void aMarkerWithoutALessThanSignIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new DrawnParts.Slot("once", "x"));
        assertEquals("<once>", new DrawnParts.Slot("<once>", "x").marker());
    }
}
