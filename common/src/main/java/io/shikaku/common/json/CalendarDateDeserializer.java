package io.shikaku.common.json;

import java.io.IOException;
import java.time.LocalDate;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;

/** Reads a {@link LocalDate} only from a string that {@link CalendarDates} accepts (never from a day count). */
class CalendarDateDeserializer extends StdScalarDeserializer<LocalDate> {

    CalendarDateDeserializer() {
        super(LocalDate.class);
    }

    @Override
    public LocalDate deserialize(JsonParser parser, DeserializationContext context) throws IOException {
        if (parser.currentToken() != JsonToken.VALUE_STRING) {
            throw new FieldRuleViolation(parser, CalendarDates.RULE, LocalDate.class);
        }
        String text = parser.getText();
        return CalendarDates.parse(text).orElseThrow(
                () -> new FieldRuleViolation(parser, CalendarDates.RULE, LocalDate.class));
    }
}
