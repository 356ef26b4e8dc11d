package io.shikaku.eligibility.mynumber;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

import io.quarkus.runtime.LaunchMode;

class MyNumberHasherTest {

    private static final String KEY = "a-production-secret-of-more-than-32-bytes";

    @Test
    void theHashIsTheHexHmacOfTheNumberAndDependsOnTheKey() {
        MyNumberHasher hasher = new MyNumberHasher(KEY, LaunchMode.NORMAL, false);
        String hash = hasher.hash("123456789018");
        assertEquals(64, hash.length());
        assertEquals(hash, hasher.hash("123456789018"));
        assertFalse(hash.contains("123456789018"));
        assertNotEquals(hash, new MyNumberHasher(KEY + "x", LaunchMode.NORMAL, false).hash("123456789018"));
    }

    @Test
    void productionRefusesToStartWithoutAKeyWithAShortOneOrWithTheDevelopmentKey() {
        assertThrows(IllegalStateException.class, () -> new MyNumberHasher(null, LaunchMode.NORMAL, false));
        assertThrows(IllegalStateException.class, () -> new MyNumberHasher("short", LaunchMode.NORMAL, false));
        assertThrows(IllegalStateException.class,
                () -> new MyNumberHasher(MyNumberHasher.DEVELOPMENT_KEY, LaunchMode.NORMAL, false));
    }

    @Test
    void theDevelopmentKeyServesTestsAndTheDemo() {
        assertDoesNotThrow(() -> new MyNumberHasher(MyNumberHasher.DEVELOPMENT_KEY, LaunchMode.TEST, false));
        assertDoesNotThrow(() -> new MyNumberHasher(MyNumberHasher.DEVELOPMENT_KEY, LaunchMode.NORMAL, true));
    }
}
