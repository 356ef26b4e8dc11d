package io.shikaku.gateway.requestid;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.UUID;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class RequestIdsTest {

    @ParameterizedTest
    @ValueSource(strings = { "abc", "0f8fad5b-d9cb-469f-a165-70867728950e", "clinic-42.req:7", "A_B" })
    void keepsSaneIds(String id) {
        assertEquals(id, RequestIds.sanitize(id));
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = { "has space", "<script>", "line\nbreak", "ü", "a/b" })
    void replacesOthersWithAUuid(String id) {
        String sanitized = RequestIds.sanitize(id);
        assertNotEquals(id, sanitized);
        assertEquals(sanitized, UUID.fromString(sanitized).toString());
    }

    @ParameterizedTest
    @ValueSource(ints = { 128, 129 })
    void boundsTheLength(int length) {
        String id = "x".repeat(length);
        assertTrue(length <= 128 == id.equals(RequestIds.sanitize(id)));
    }
}
