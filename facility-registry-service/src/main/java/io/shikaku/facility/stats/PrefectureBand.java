package io.shikaku.facility.stats;

import com.fasterxml.jackson.annotation.JsonInclude;

/** How many prefectures have a reader-application rate from {@code fromRate} up to, not including, {@code toRate}. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PrefectureBand(int fromRate, Integer toRate, int prefectures) {

    static PrefectureBand of(RateBands.Band band) {
        return new PrefectureBand(band.fromRate(), band.toRate(), band.prefectures());
    }
}
