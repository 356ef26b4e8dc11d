package io.shikaku.facility.stats;

import java.time.LocalDate;
import java.util.List;

/** The trend table between two dates (DOMAIN.md §10). */
public record TrendReport(LocalDate from, LocalDate to, List<TrendFigures> byType, TrendFigures total) {
}
