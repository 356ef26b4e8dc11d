package io.shikaku.common.time;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OffsetFileClockTest {

    @TempDir
    Path dir;

    @Test
    void withoutTheFileItIsTheSystemClock() {
        OffsetFileClock clock = new OffsetFileClock(dir.resolve("offset"));
        assertEquals(Duration.ZERO, clock.offset());
        assertTrue(Duration.between(Instant.now(), clock.instant()).abs().compareTo(Duration.ofMinutes(1)) < 0);
    }

    @Test
    void aDurationWrittenInTheFileMovesItAtTheNextReading() throws Exception {
        Path file = dir.resolve("offset");
        OffsetFileClock clock = new OffsetFileClock(file);
        Files.writeString(file, "PT24H\n");
        Duration ahead = Duration.between(Instant.now(), clock.instant());
        assertTrue(ahead.compareTo(Duration.ofHours(23)) > 0 && ahead.compareTo(Duration.ofHours(25)) < 0,
                ahead::toString);

        Files.writeString(file, "");
        assertEquals(Duration.ZERO, clock.offset());
    }

    @Test
    void anUnreadableOffsetIsAnErrorNotTheWrongTime() throws Exception {
        Path file = dir.resolve("offset");
        Files.writeString(file, "tomorrow");
        assertThrows(IllegalStateException.class, new OffsetFileClock(file)::instant);
    }
}
