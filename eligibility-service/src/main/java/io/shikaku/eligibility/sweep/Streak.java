package io.shikaku.eligibility.sweep;

import java.time.Instant;

/** A facility's latest window of NOT_FOUND answers for one card's numbers: since when, and how many. */
public record Streak(Instant since, int attempts) {
}
