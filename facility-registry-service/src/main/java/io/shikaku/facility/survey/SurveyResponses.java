package io.shikaku.facility.survey;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A facility's survey answer (DOMAIN.md §9) and what is stored of it. */
public final class SurveyResponses {

    private SurveyResponses() {
    }

    /** Costs are quotes in yen (tax included), when the facility has one. */
    @Schema(name = "SurveyResponseSubmission")
    public record Submit(@NotNull @Size(min = 1, max = 7) List<SurveyOptions.@NotNull DoneStep> doneSteps,
            @NotNull SurveyOptions.ExpectedGoLive expectedGoLive,
            @NotNull @Size(max = 11) List<SurveyOptions.@NotNull Obstacle> obstacles,
            @Min(0) @Max(2_000_000_000) Integer initialCostQuote,
            @Min(0) @Max(2_000_000_000) Integer monthlyCostQuote) {
    }

    @Schema(name = "SurveyResponseRecorded")
    public record Recorded(UUID id, String facilityCode, Instant respondedAt) {
    }
}
