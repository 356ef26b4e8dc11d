package io.shikaku.facility.stats;

import java.time.LocalDate;
import java.util.List;

/** The adoption table of the portal's report (DOMAIN.md §10): per type, and in total, as of a date. */
public record AdoptionReport(LocalDate asOf, List<AdoptionFigures> byType, AdoptionFigures total) {
}
