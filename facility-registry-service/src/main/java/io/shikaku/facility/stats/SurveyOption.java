package io.shikaku.facility.stats;

import java.math.BigDecimal;

/** One answer to a survey question: how many respondents chose it, and what percent of all respondents that is. */
public record SurveyOption(String option, long respondents, BigDecimal percent) {
}
