package io.sitedeck.fleet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** MAC notations people paste into the search box. */
class MacAddressTest {

    @ParameterizedTest
    @ValueSource(strings = {"3c:52:82:0a:1b:2c", "3C:52:82:0A:1B:2C", "3C-52-82-0A-1B-2C", "3c52.820a.1b2c",
            "3c5282 0a1b2c", "3C52820A1B2C", "  3c:52:82:0a:1b:2c  "})
    void everyCommonNotationIsTheSameAddress(String text) {
        assertEquals(Optional.of("3c52820a1b2c"), MacAddress.normalise(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"10.0.20.37", "reception printer", "3c:52:82:0a:1b", "3c:52-82:0a:1b:2c",
            "3c5:282:0a1b2c", "3c52820a1b2c00", "", "g4:52:82:0a:1b:2c"})
    void whatIsNotAWholeAddressIsNot(String text) {
        assertTrue(MacAddress.normalise(text).isEmpty(), text);
    }

    @Test
    void aVendorPrefixIsTheStartOfAnAddress() {
        assertEquals(Optional.of("3c5282"), MacAddress.prefix("3C:52:82"));
        assertEquals(Optional.of("3c5282"), MacAddress.prefix("3c-52-82"));
        assertTrue(MacAddress.prefix("3c:52").isEmpty(), "two bytes are too few to mean an address");
        assertTrue(MacAddress.prefix("10.0.20").isEmpty(), "an IP prefix is not a MAC prefix");
    }

    @Test
    void displaysAsPeopleWriteIt() {
        assertEquals("3C:52:82:0A:1B:2C", MacAddress.display("3c52820a1b2c"));
        assertEquals("", MacAddress.display(null));
    }
}
