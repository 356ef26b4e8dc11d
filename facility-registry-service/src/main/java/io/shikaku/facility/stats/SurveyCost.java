package io.shikaku.facility.stats;

import com.fasterxml.jackson.annotation.JsonInclude;

/** A quoted cost across the respondents who gave one (yen, tax included): how many, the median and the mean. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SurveyCost(long answered, Long median, Long mean) {
}
