package io.shikaku.facility.stats;

import java.time.LocalDate;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Adoption by prefecture as of a date, for one type or all (no type), with the bands of the reader-application rate
 * (DOMAIN.md §10). Prefectures without a facility of the type are not listed and not counted in a band.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PrefectureReport(LocalDate asOf, String type, List<PrefectureFigures> prefectures,
        List<PrefectureBand> bands) {
}
