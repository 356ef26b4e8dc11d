package io.shikaku.common.time;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/**
 * The system clock moved by the duration written in a file (ISO-8601, e.g. {@code PT24H}; no file or an empty one is no
 * move), read at every reading: how the end-to-end tests, which run the built services as processes, let a consent's 24
 * hours pass without waiting. Only a service started with {@code shikaku.clock.offset-file} uses it ({@link Clocks}).
 */
public final class OffsetFileClock extends Clock {

    private final Path file;

    public OffsetFileClock(Path file) {
        this.file = file;
    }

    /** The move written in the file now. */
    public Duration offset() {
        try {
            String text = Files.readString(file).strip();
            return text.isEmpty() ? Duration.ZERO : Duration.parse(text);
        } catch (NoSuchFileException none) {
            return Duration.ZERO;
        } catch (IOException | DateTimeParseException unreadable) {
            throw new IllegalStateException("The clock offset file " + file + " is unreadable", unreadable);
        }
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return Clock.offset(Clock.system(zone), offset());
    }

    @Override
    public Instant instant() {
        return Instant.now().plus(offset());
    }
}
