package io.shikaku.gateway.route;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PathPatternTest {

    @Test
    void literalPatternMatchesOnlyItself() {
        PathPattern pattern = PathPattern.of("/a/b");
        assertTrue(pattern.matches("/a/b"));
        assertFalse(pattern.matches("/a/b/"));
        assertFalse(pattern.matches("/a/bc"));
        assertFalse(pattern.matches("/a"));
        assertFalse(pattern.matches("a/b"));
        assertFalse(pattern.matches(null));
    }

    @Test
    void starMatchesOneNonEmptySegment() {
        PathPattern pattern = PathPattern.of("/a/*/c");
        assertTrue(pattern.matches("/a/x/c"));
        assertFalse(pattern.matches("/a//c"));
        assertFalse(pattern.matches("/a/x/y/c"));
    }

    @Test
    void doubleStarMatchesTheRestIncludingNothing() {
        PathPattern pattern = PathPattern.of("/a/**");
        assertTrue(pattern.matches("/a"));
        assertTrue(pattern.matches("/a/"));
        assertTrue(pattern.matches("/a/b/c"));
        assertFalse(pattern.matches("/ab"));
        assertFalse(pattern.matches("/"));
    }

    @Test
    void rejectsMalformedPatterns() {
        assertThrows(IllegalArgumentException.class, () -> PathPattern.of("a/b"));
        assertThrows(IllegalArgumentException.class, () -> PathPattern.of("/a/**/b"));
        assertThrows(IllegalArgumentException.class, () -> PathPattern.of("/a/b*"));
        assertThrows(IllegalArgumentException.class, () -> PathPattern.of("/a//b"));
    }
}
