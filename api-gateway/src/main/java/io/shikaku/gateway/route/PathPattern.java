package io.shikaku.gateway.route;

import java.util.Arrays;
import java.util.List;

/**
 * A path pattern by segments: a literal segment matches itself, {@code *} matches exactly one non-empty segment and a
 * final {@code **} matches any number of further segments, none included.
 */
public final class PathPattern {

    private static final String ONE = "*";
    private static final String REST = "**";

    private final String text;
    private final List<String> segments;
    private final boolean openEnded;

    private PathPattern(String text, List<String> segments, boolean openEnded) {
        this.text = text;
        this.segments = segments;
        this.openEnded = openEnded;
    }

    public static PathPattern of(String pattern) {
        if (pattern == null || !pattern.startsWith("/")) {
            throw new IllegalArgumentException("A path pattern starts with '/': " + pattern);
        }
        List<String> parts = split(pattern);
        boolean openEnded = !parts.isEmpty() && parts.get(parts.size() - 1).equals(REST);
        List<String> fixed = openEnded ? parts.subList(0, parts.size() - 1) : parts;
        for (String part : fixed) {
            if (part.isEmpty() || part.equals(REST) || (part.contains("*") && !part.equals(ONE))) {
                throw new IllegalArgumentException("Bad segment '" + part + "' in path pattern " + pattern);
            }
        }
        return new PathPattern(pattern, List.copyOf(fixed), openEnded);
    }

    /** Whether the (already normalized) request path matches. */
    public boolean matches(String path) {
        if (path == null || !path.startsWith("/")) {
            return false;
        }
        List<String> parts = split(path);
        if (parts.size() < segments.size() || (!openEnded && parts.size() != segments.size())) {
            return false;
        }
        for (int i = 0; i < segments.size(); i++) {
            String expected = segments.get(i);
            String actual = parts.get(i);
            boolean ok = expected.equals(ONE) ? !actual.isEmpty() : expected.equals(actual);
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    private static List<String> split(String path) {
        // "/a/b/" gives [a, b, ""]: a trailing slash is an empty last segment
        return Arrays.asList(path.substring(1).split("/", -1));
    }

    @Override
    public String toString() {
        return text;
    }
}
