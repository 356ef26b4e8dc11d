package io.shikaku.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class RequestIdsTest {

    @Test
    void aShortPlainIdIsKept() {
        assertEquals("clinic-42.req:7", RequestIds.sanitize("clinic-42.req:7"));
    }

    @Test
    void anythingElseGetsAFreshUuid() {
        assertNotEquals("a b", RequestIds.sanitize("a b"));
        assertTrue(RequestIds.sanitize(null).matches("[0-9a-f-]{36}"));
        assertTrue(RequestIds.sanitize("x".repeat(129)).matches("[0-9a-f-]{36}"));
        assertTrue(RequestIds.sanitize("").matches("[0-9a-f-]{36}"));
    }
}
