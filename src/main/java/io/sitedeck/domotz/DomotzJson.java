package io.sitedeck.domotz;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.std.NumberDeserializers;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/**
 * Makes the shared ObjectMapper read what real Domotz accounts send: unknown enum values become
 * {@code UNKNOWN}, and timestamps may end in {@code Z}, {@code +00:00} or carry no offset (UTC).
 */
@Singleton
public class DomotzJson implements ObjectMapperCustomizer {

    /** Runs after Quarkus registers the JavaTimeModule, so this Instant reader wins. */
    @Override
    public int priority() {
        return MINIMUM_PRIORITY;
    }

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.enable(DeserializationFeature.READ_UNKNOWN_ENUM_VALUES_USING_DEFAULT_VALUE);
        mapper.disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        mapper.registerModule(new SimpleModule("domotz-time").addDeserializer(Instant.class, new LenientInstant())
                .addDeserializer(Double.class, new QuickDouble(Double.class, null))
                .addDeserializer(Double.TYPE, new QuickDouble(Double.TYPE, 0.0)));
    }

    /** Parses an ISO date-time with any offset, or none (then UTC), into an Instant. */
    public static Instant parseInstant(String text) {
        String trimmed = text.trim();
        Instant quick = QuickParse.isoInstant(trimmed);
        if (quick != null) {
            return quick;
        }
        try {
            return OffsetDateTime.parse(trimmed).toInstant();
        } catch (DateTimeParseException noOffset) {
            return LocalDateTime.parse(trimmed).toInstant(ZoneOffset.UTC);
        }
    }

    /**
     * Domotz sends RTD figures as strings ({@code "12.5"}): a plain decimal is parsed at once, anything else (empty,
     * {@code NaN}, garbage) the way Jackson's own reader does, errors included.
     */
    static final class QuickDouble extends NumberDeserializers.DoubleDeserializer {
        QuickDouble(Class<Double> type, Double nullValue) {
            super(type, nullValue);
        }

        @Override
        public Double deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            if (parser.currentToken() == JsonToken.VALUE_STRING) {
                String text = parser.getText();
                if (QuickParse.plainDecimal(text)) {
                    return Double.parseDouble(text);
                }
            }
            return super.deserialize(parser, context);
        }
    }

    static final class LenientInstant extends StdScalarDeserializer<Instant> {
        LenientInstant() {
            super(Instant.class);
        }

        @Override
        public Instant deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            if (parser.currentToken() == JsonToken.VALUE_NUMBER_INT) {
                return Instant.ofEpochMilli(parser.getLongValue());
            }
            String text = parser.getValueAsString();
            if (text == null || text.isBlank()) {
                return null;
            }
            try {
                return parseInstant(text);
            } catch (DateTimeParseException bad) {
                return (Instant) context.handleWeirdStringValue(Instant.class, text, "not a date-time");
            }
        }
    }
}
