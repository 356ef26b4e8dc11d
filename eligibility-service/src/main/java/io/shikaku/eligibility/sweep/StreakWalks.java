package io.shikaku.eligibility.sweep;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.shikaku.contract.DomainRule;

/**
 * A chunk's {@link StreakWalk}s, one per facility and card's numbers (their keyed hash), all judged at the chunk's
 * {@code now}; what they add to the windows is written in one statement with the chunk ({@code Sweeps.countAll}).
 */
@DomainRule
public final class StreakWalks {

    private final int threshold;
    private final Duration window;
    private final Instant now;
    private final Map<String, Walked> walks = new TreeMap<>();

    public StreakWalks(int threshold, Duration window, Instant now) {
        this.threshold = threshold;
        this.window = window;
        this.now = now;
    }

    /** When the chunk judges its entries. */
    public Instant now() {
        return now;
    }

    /**
     * The walk of {@code facilityCode}'s entries for the numbers hashed as {@code numbersHash}; the first entry of
     * theirs in the chunk starts it from {@code latest}, the window the chunk read (later entries' are the same).
     */
    public StreakWalk of(String facilityCode, byte[] numbersHash, Streak latest) {
        String hash = HexFormat.of().formatHex(numbersHash);
        return walks.computeIfAbsent(facilityCode + ' ' + hash,
                key -> new Walked(facilityCode, hash, new StreakWalk(latest, threshold, window, now))).walk();
    }

    /**
     * What the chunk adds to each window that it counted anything in, ordered by facility, numbers hash and window
     * start (so concurrent chunks lock the windows' rows in the same order).
     */
    public List<WindowCount> counts() {
        List<WindowCount> counts = new ArrayList<>();
        for (Walked walked : walks.values()) {
            for (StreakWalk.Count count : walked.walk().counts()) {
                counts.add(new WindowCount(walked.facilityCode(), walked.numbersHash(), count.windowStart(),
                        count.attempts(), count.refused()));
            }
        }
        return counts;
    }

    /** What a chunk adds to one facility's window for one card's numbers ({@code numbersHash} in hex). */
    public record WindowCount(String facilityCode, String numbersHash, Instant windowStart, int attempts,
            int refused) {
    }

    private record Walked(String facilityCode, String numbersHash, StreakWalk walk) {
    }
}
