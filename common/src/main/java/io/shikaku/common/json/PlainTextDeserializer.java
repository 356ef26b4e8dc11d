package io.shikaku.common.json;

import java.io.IOException;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;

/**
 * Reads strings as Jackson does, but refuses a NUL character (PostgreSQL cannot store one, and no field needs it) and a
 * lone surrogate (no character: stored, it would come back as '?' or fail the database's encoding).
 */
class PlainTextDeserializer extends StringDeserializer {

    @Override
    public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
        String text = super.deserialize(parser, context);
        if (text != null && text.indexOf('\u0000') >= 0) {
            throw new FieldRuleViolation(parser, "must not contain a NUL character", String.class);
        }
        if (text != null && hasLoneSurrogate(text)) {
            throw new FieldRuleViolation(parser, "must be valid Unicode (a lone surrogate is not)", String.class);
        }
        return text;
    }

    /** A surrogate without its partner: sent as an escape (\\ud800) or as CESU-8 bytes, it is no character at all. */
    static boolean hasLoneSurrogate(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return true;
            }
        }
        return false;
    }
}
