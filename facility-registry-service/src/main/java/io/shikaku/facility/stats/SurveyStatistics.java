package io.shikaku.facility.stats;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;

/**
 * The survey's aggregate answers (DOMAIN.md §9), counted in SQL over each facility's latest response in table
 * {@code survey_response} (the survey feature's): an option chosen twice in one response counts once.
 */
@ApplicationScoped
public class SurveyStatistics {

    private static final String LATEST = "WITH latest AS (SELECT DISTINCT ON (facility_code) * FROM survey_response"
            + " ORDER BY facility_code, responded_at DESC) ";

    private static final String OPTIONS = LATEST
            + "SELECT 'doneSteps' AS question, step AS option, count(DISTINCT facility_code) AS n"
            + "  FROM latest, unnest(done_steps) AS step GROUP BY step"
            + " UNION ALL SELECT 'expectedGoLive', expected_go_live, count(*) FROM latest"
            + "  WHERE expected_go_live IS NOT NULL GROUP BY expected_go_live"
            + " UNION ALL SELECT 'obstacles', obstacle, count(DISTINCT facility_code)"
            + "  FROM latest, unnest(obstacles) AS obstacle GROUP BY obstacle"
            + " UNION ALL SELECT 'respondents', NULL, count(*) FROM latest"
            + " ORDER BY question, n DESC, option";

    private static final String COSTS = LATEST + "SELECT count(initial_cost_quote) AS initial_answered,"
            + " round(percentile_cont(0.5) WITHIN GROUP (ORDER BY initial_cost_quote))::bigint AS initial_median,"
            + " round(avg(initial_cost_quote))::bigint AS initial_mean,"
            + " count(monthly_cost_quote) AS monthly_answered,"
            + " round(percentile_cont(0.5) WITHIN GROUP (ORDER BY monthly_cost_quote))::bigint AS monthly_median,"
            + " round(avg(monthly_cost_quote))::bigint AS monthly_mean FROM latest";

    @Inject
    Pool db;

    public Uni<SurveyReport> report() {
        return db.query(OPTIONS).execute().chain(options -> db.query(COSTS).execute().map(costs -> {
            long respondents = 0;
            Map<String, List<SurveyOption>> byQuestion = new HashMap<>();
            List<Row> rows = new ArrayList<>();
            options.forEach(rows::add);
            for (Row row : rows) {
                if (row.getString("question").equals("respondents")) {
                    respondents = row.getLong("n");
                }
            }
            for (Row row : rows) {
                String question = row.getString("question");
                if (!question.equals("respondents")) {
                    long n = row.getLong("n");
                    byQuestion.computeIfAbsent(question, q -> new ArrayList<>())
                            .add(new SurveyOption(row.getString("option"), n, Rates.percent(n, respondents)));
                }
            }
            Row cost = costs.iterator().next();
            return new SurveyReport(respondents, byQuestion.getOrDefault("doneSteps", List.of()),
                    byQuestion.getOrDefault("expectedGoLive", List.of()),
                    byQuestion.getOrDefault("obstacles", List.of()),
                    new SurveyCost(cost.getLong("initial_answered"), cost.getLong("initial_median"),
                            cost.getLong("initial_mean")),
                    new SurveyCost(cost.getLong("monthly_answered"), cost.getLong("monthly_median"),
                            cost.getLong("monthly_mean")));
        }));
    }
}
