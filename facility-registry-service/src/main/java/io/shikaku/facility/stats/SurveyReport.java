package io.shikaku.facility.stats;

import java.util.List;

/**
 * The survey's aggregate answers (DOMAIN.md §9): percent of respondents per option of each question, a facility's
 * latest response standing for it. Options nobody chose are not listed.
 */
public record SurveyReport(long respondents, List<SurveyOption> doneSteps, List<SurveyOption> expectedGoLive,
        List<SurveyOption> obstacles, SurveyCost initialCost, SurveyCost monthlyCost) {
}
