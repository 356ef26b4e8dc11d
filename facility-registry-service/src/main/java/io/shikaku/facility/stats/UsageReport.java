package io.shikaku.facility.stats;

import java.time.LocalDate;
import java.util.List;

/** The usage table of a period (DOMAIN.md §10): checks by method and type, per live facility per day. */
public record UsageReport(LocalDate from, LocalDate to, LocalDate liveAsOf, List<UsageFigures> byType,
        UsageFigures total) {
}
