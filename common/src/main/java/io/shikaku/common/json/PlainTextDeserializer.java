package io.shikaku.common.json;

import java.io.IOException;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;

/** Reads strings as Jackson does, but refuses a NUL character: PostgreSQL cannot store one, and no field needs it. */
class PlainTextDeserializer extends StringDeserializer {

    @Override
    public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
        String text = super.deserialize(parser, context);
        if (text != null && text.indexOf('\u0000') >= 0) {
            throw new FieldRuleViolation(parser, "must not contain a NUL character", String.class);
        }
        return text;
    }
}
