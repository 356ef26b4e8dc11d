package io.shikaku.eligibility.sweep;

import java.util.List;

/** One page of sweeps for an auditor, newest first: {@code page} counts from 0; {@code total} every match. */
public record SweepPage(int page, int size, long total, List<Sweep> items) {
}
