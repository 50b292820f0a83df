package io.sitedeck.fleet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** Why a row matched, as results say it, and the word test it rests on (the same words as {@link FleetQuery#words}). */
class FleetQueryTest {

    @Test
    void wordsAreLettersAndDigitsWithTheDotsColonsAndHyphensInside() {
        assertEquals(java.util.List.of("hp-laserjet", "m404", "reception", "10.0.20.37", "café", "ⅻ"),
                FleetQuery.words("HP-LaserJet M404 (Reception), 10.0.20.37; café m404 Ⅻ"));
        assertEquals(java.util.List.of(), FleetQuery.words("  ,; "));
        assertEquals(java.util.List.of(), FleetQuery.words(null));
    }

    @Test
    void aWordStartsAWordOfTheTextOnlyAfterASeparator() {
        assertTrue(FleetQuery.startsAWord("reception printer", "print"));
        assertTrue(FleetQuery.startsAWord("printer", "printer"));
        assertTrue(FleetQuery.startsAWord("lab (ups) 2", "ups"));
        assertFalse(FleetQuery.startsAWord("reception printer", "rinter"));
        // Dots, colons and hyphens belong to words, as in addresses and model names.
        assertFalse(FleetQuery.startsAWord("hp-laserjet", "laserjet"));
        assertFalse(FleetQuery.startsAWord("10.0.20.37", "20"));
        assertTrue(FleetQuery.startsAWord("café été", "été"));
        for (String text : new String[] {"hp-laserjet m404", "lab (ups) 2", "café été", "x  y"}) {
            for (String word : FleetQuery.words(text)) {
                assertTrue(FleetQuery.startsAWord(text, word), word + " in " + text);
            }
        }
    }

    @Test
    void theReasonIsTheBestRankTheRowMeets() {
        FleetDevice printer = row("Reception printer", " 10.0.20.37 ", "3c52820a1b2c");
        assertEquals("IP address", FleetQuery.why("10.0.20.37").apply(printer));
        assertEquals("MAC address", FleetQuery.why("3C-52-82-0A-1B-2C").apply(printer));
        assertEquals("name", FleetQuery.why("Printer").apply(printer));
        assertEquals("name", FleetQuery.why("recep print").apply(printer));
        assertEquals("IP address", FleetQuery.why("10.0.20").apply(printer));
        assertEquals("MAC address", FleetQuery.why("3c:52:82").apply(printer));
        Function<FleetDevice, String> hp = FleetQuery.why("hp");
        assertEquals("vendor, model, type, zone or room", hp.apply(printer));
        assertEquals("name", hp.apply(row("HP switch", " ", null)), "one search's reasons serve every row");
    }

    private static FleetDevice row(String name, String ips, String mac) {
        FleetDevice row = new FleetDevice();
        row.name = name;
        row.nameLc = name.toLowerCase(java.util.Locale.ROOT);
        row.ips = ips;
        row.mac = mac;
        return row;
    }
}
