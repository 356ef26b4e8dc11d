package io.shikaku.common.json;

import java.io.IOException;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.BeanProperty;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.deser.ContextualDeserializer;

/**
 * Reads an enumeration value only as written: Jackson trims a name it does not know and tries again, so that
 * {@code " LIVE"} or a NUL before {@code LIVE} (anything up to U+0020) was taken for {@code LIVE}.
 */
final class ExactEnumDeserializer extends JsonDeserializer<Object> implements ContextualDeserializer {

    private final JsonDeserializer<?> names;
    private final Class<?> type;

    ExactEnumDeserializer(JsonDeserializer<?> names, Class<?> type) {
        this.names = names;
        this.type = type;
    }

    @Override
    public Object deserialize(JsonParser parser, DeserializationContext context) throws IOException {
        if (parser.hasToken(JsonToken.VALUE_STRING)) {
            String text = parser.getText();
            if (!text.isEmpty() && (text.charAt(0) <= ' ' || text.charAt(text.length() - 1) <= ' ')) {
                throw new FieldRuleViolation(parser, "must be one of the values, exactly as written", type);
            }
        }
        return names.deserialize(parser, context);
    }

    @Override
    public JsonDeserializer<?> createContextual(DeserializationContext context, BeanProperty property)
            throws JsonMappingException {
        return names instanceof ContextualDeserializer contextual
                ? new ExactEnumDeserializer(contextual.createContextual(context, property), type)
                : this;
    }

    @Override
    public Class<?> handledType() {
        return type;
    }
}
