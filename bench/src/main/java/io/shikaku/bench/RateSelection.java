package io.shikaku.bench;

import java.util.List;

/** The figure the report leads with: the highest offered rate whose step kept p99 within the bar with no error. */
public final class RateSelection {

    public static final double P99_LIMIT_MS = 25.0;

    private RateSelection() {
    }

    /** The highest offered rate among the steps that meet the bar, or 0 when none does. */
    public static int highestMeeting(List<StepResult> steps, double p99LimitMs) {
        return steps.stream().filter(s -> s.meets(p99LimitMs)).mapToInt(StepResult::offeredPerSecond).max()
                .orElse(0);
    }

    /** Whether the ladder should stop after {@code step}: it missed the bar, so higher rates would too. */
    public static boolean stopAfter(StepResult step, double p99LimitMs) {
        return !step.meets(p99LimitMs);
    }
}
