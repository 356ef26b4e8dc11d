package io.shikaku.common.json;

import jakarta.inject.Singleton;
import jakarta.ws.rs.ConstrainedTo;
import jakarta.ws.rs.RuntimeType;
import jakarta.ws.rs.ext.ContextResolver;
import jakarta.ws.rs.ext.Provider;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The mapper that reads the REST endpoints' request bodies: {@link StrictJson}'s, and stricter in two ways that must
 * not apply to events or stored documents, which the shared mapper reads.
 * <ul>
 * <li>A field the body's type does not have is refused: a caller who misspells {@code birthDate} or sends a field
 * from a newer version learns it at once instead of having the value silently dropped. Events keep tolerating the
 * fields a newer producer adds.</li>
 * <li>The body must be well-formed UTF-8 ({@link WellFormedUtf8}): an overlong or surrogate encoding is refused, not
 * decoded into the character it spells.</li>
 * </ul>
 * Server-side only: the REST clients keep reading other services' answers tolerantly.
 */
@Provider
@ConstrainedTo(RuntimeType.SERVER)
@Singleton
public class RequestBodies implements ContextResolver<ObjectMapper> {

    private final ObjectMapper reader;

    RequestBodies(ObjectMapper shared) {
        this.reader = shared.copyWith(new WellFormedUtf8(shared.getFactory()))
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    }

    @Override
    public ObjectMapper getContext(Class<?> type) {
        return reader;
    }
}
