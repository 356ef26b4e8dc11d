package io.shikaku.eligibility.sweep;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.shikaku.contract.DomainRule;

/**
 * One facility's bulk entries for one card's numbers, judged in entry order as one chunk answers them (README
 * "Sweeps"): each entry is judged by {@link SweepRule} against the facility's latest window as it stands after the
 * entries before it, so a chunk of many birth dates for the same numbers is refused from the threshold on, exactly as
 * the same checks one by one would be. It counts what the chunk writes: per window, the NOT_FOUND answers and the
 * refusals.
 *
 * <p>
 * For each entry: {@link #judge()}; an entry let through is answered, and if its answer is NOT_FOUND,
 * {@link #notFound()} counts it in its verdict's window. A refused entry's refusal is counted by {@link #judge()}.
 */
@DomainRule
public final class StreakWalk {

    private final int threshold;
    private final Duration window;
    private final Instant now;
    private final Map<Instant, int[]> counts = new TreeMap<>();
    private Streak latest;
    private SweepRule.Verdict letThrough;

    /** Starts from the facility's latest window for the numbers as the chunk read it ({@code null}: none). */
    public StreakWalk(Streak latest, int threshold, Duration window, Instant now) {
        this.latest = latest;
        this.threshold = threshold;
        this.window = window;
        this.now = now;
    }

    /** The next entry's verdict; a refusal is counted in its window at once. */
    public SweepRule.Verdict judge() {
        SweepRule.Verdict verdict = SweepRule.judge(latest, threshold, window, now);
        if (verdict.refused()) {
            counts.computeIfAbsent(verdict.windowStart(), start -> new int[2])[1]++;
            letThrough = null;
        } else {
            letThrough = verdict;
        }
        return verdict;
    }

    /** The entry just let through answered NOT_FOUND: counts it in its verdict's window (a new one may start). */
    public void notFound() {
        if (letThrough == null) {
            throw new IllegalStateException("only an entry just judged and let through can count a NOT_FOUND");
        }
        Instant start = letThrough.windowStart();
        latest = new Streak(start, start.equals(latest == null ? null : latest.since()) ? latest.attempts() + 1 : 1);
        counts.computeIfAbsent(start, s -> new int[2])[0]++;
        letThrough = null;
    }

    /** What the entries walked so far add to each window, oldest window first. */
    public List<Count> counts() {
        List<Count> result = new ArrayList<>(counts.size());
        counts.forEach((start, count) -> result.add(new Count(start, count[0], count[1])));
        return result;
    }

    /** What a chunk adds to the window starting at {@code windowStart}: NOT_FOUND answers and refused entries. */
    public record Count(Instant windowStart, int attempts, int refused) {
    }
}
