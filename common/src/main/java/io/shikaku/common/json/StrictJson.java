package io.shikaku.common.json;

import java.time.LocalDate;

import jakarta.inject.Singleton;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.deser.BeanDeserializerModifier;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.type.LogicalType;

import io.quarkus.jackson.ObjectMapperCustomizer;
import io.shikaku.contract.Problem;

/**
 * Reads request bodies strictly, so that what is stored is exactly what the caller meant: no duplicate keys, nothing
 * after the document, no numbers or booleans sent as strings (or the reverse), dates only as {@code yyyy-MM-dd}
 * strings in a sane range, no NUL characters (which PostgreSQL cannot store) nor lone surrogates, and enumeration values
 * only exactly as written.
 */
@Singleton
public class StrictJson implements ObjectMapperCustomizer {

    /** Applied after Quarkus' own customizers, so that these date and text readers replace the default ones. */
    @Override
    public int priority() {
        return MINIMUM_PRIORITY;
    }

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
        mapper.enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
        mapper.enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);
        mapper.disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT);
        for (LogicalType scalar : new LogicalType[] {LogicalType.Integer, LogicalType.Float, LogicalType.Boolean}) {
            mapper.coercionConfigFor(scalar).setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail);
        }
        mapper.coercionConfigFor(LogicalType.Textual)
                .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
        mapper.registerModule(new SimpleModule("shikaku-strict")
                .addDeserializer(LocalDate.class, new CalendarDateDeserializer())
                .addDeserializer(String.class, new PlainTextDeserializer())
                .setDeserializerModifier(new BeanDeserializerModifier() {
                    @Override
                    public JsonDeserializer<?> modifyEnumDeserializer(DeserializationConfig config, JavaType type,
                            BeanDescription description, JsonDeserializer<?> deserializer) {
                        return new ExactEnumDeserializer(deserializer, type.getRawClass());
                    }
                }));
        mapper.addMixIn(Problem.class, ProblemWithoutEmptyErrors.class);
    }

    /** Leaves {@code errors} out of a problem that has none, as RFC 9457 documents usually do. */
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    interface ProblemWithoutEmptyErrors {
    }
}
