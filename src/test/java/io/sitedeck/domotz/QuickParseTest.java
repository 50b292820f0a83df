package io.sitedeck.domotz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The fast paths give the general parsers' results, and leave every other shape to them. */
class QuickParseTest {

    @Test
    void timestampsInEveryShapeDomotzSendsReadAsJavaTimeReadsThem() {
        Random random = new Random(15);
        for (int i = 0; i < 20_000; i++) {
            Instant instant = Instant.ofEpochSecond(random.nextLong(-2_208_988_800L, 7_258_118_400L), // 1900–2200
                    random.nextInt(4) == 0 ? 0 : random.nextInt(1_000_000_000));
            int offsetMinutes = (random.nextInt(37) - 18) * 60 + (random.nextInt(4) * 15);
            ZoneOffset offset = ZoneOffset.ofTotalSeconds(Math.max(-18 * 3600, Math.min(18 * 3600, offsetMinutes * 60)));
            String local = instant.atOffset(offset).toLocalDateTime().toString();
            if (local.length() == 16) {
                local += ":00"; // LocalDateTime.toString leaves out zero seconds
            }
            String fraction = random.nextInt(3) == 0 ? "" : local.substring(19);
            String base = local.substring(0, 19) + trimFraction(fraction, random);
            String text = switch (random.nextInt(3)) {
                case 0 -> base + "Z";
                case 1 -> base + offset.getId().replace("Z", "+00:00");
                default -> base;
            };
            assertEquals(general(text), QuickParse.isoInstant(text), text);
        }
    }

    @Test
    void anyOtherShapeIsLeftToTheGeneralParserWhichAnswersAsBefore() {
        for (String text : List.of("2019-02-29T00:00:00Z", "2020-02-30T00:00:00Z", "2019-06-11T24:00:00Z",
                "2019-06-11T09:60:00Z", "2019-06-11T09:08:60Z", "2019-13-11T09:08:10Z", "2019-06-11T09:08Z",
                "2019-06-11 09:08:10Z", "2019-06-11T09:08:10.Z", "2019-06-11T09:08:10.1234567890Z",
                "2019-06-11T09:08:10+0100", "2019-06-11T09:08:10+01", "2019-06-11T09:08:10+19:00",
                "2019-06-11T09:08:10+01:00:30", "2019-06-11T09:08:10z", "+2019-06-11T09:08:10Z", "2019-6-11T09:08:10Z",
                "2019-06-11T09:08:10ZZ", "2019-06-11T09:08:1xZ", "garbage")) {
            assertNull(QuickParse.isoInstant(text), text);
            Object general;
            try {
                general = general(text);
            } catch (DateTimeParseException refused) {
                general = "refused";
            }
            Object lenient;
            try {
                lenient = DomotzJson.parseInstant(text);
            } catch (DateTimeParseException refused) {
                lenient = "refused";
            }
            assertEquals(general, lenient, text);
        }
        assertEquals(Instant.parse("2020-02-29T23:59:59.5Z"), QuickParse.isoInstant("2020-03-01T01:59:59.5+02:00"));
    }

    @Test
    void numbersSentAsStringsReadAsJacksonReadsThem() throws Exception {
        ObjectMapper plain = new ObjectMapper();
        ObjectMapper domotz = new ObjectMapper();
        new DomotzJson().customize(domotz);
        for (String value : List.of("\"12.5\"", "\"-0.25\"", "\"3\"", "\"1e3\"", "\"2.5E-2\"", "\"\"", "\"NaN\"",
                "\" 7 \"", "null", "12.5", "\"abc\"", "\"1.\"", "\".5\"", "\"0x10\"", "\"1.5d\"", "\"--1\"")) {
            for (String field : List.of("wrapped", "primitive")) {
                String json = "{\"" + field + "\":" + value + "}";
                assertEquals(read(plain, json), read(domotz, json), json);
            }
        }
        assertTrue(QuickParse.plainDecimal("-12.5e+3"));
        assertFalse(QuickParse.plainDecimal("12.5 "));
        assertFalse(QuickParse.plainDecimal("Infinity"));
    }

    record Figures(Double wrapped, double primitive) {}

    private static String read(ObjectMapper mapper, String json) {
        try {
            return String.valueOf(mapper.readValue(json, Figures.class));
        } catch (Exception refused) {
            return "refused: " + refused.getClass().getSimpleName();
        }
    }

    private static String trimFraction(String fraction, Random random) {
        if (fraction.isEmpty()) {
            return "";
        }
        String digits = (fraction.substring(1) + "000000000").substring(0, 9);
        return "." + digits.substring(0, 1 + random.nextInt(9));
    }

    /** What java.time makes of it: an offset if there is one, else UTC. */
    private static Instant general(String text) {
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException noOffset) {
            return LocalDateTime.parse(text).toInstant(ZoneOffset.UTC);
        }
    }
}
