package io.shikaku.facility.stats;

import java.time.LocalDate;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.shikaku.contract.Roles;
import io.smallrye.mutiny.Uni;

/** The portal's published statistics (DOMAIN.md §10), for portal administrators only. */
@Path("/api/v1/stats")
@Tag(name = "Statistics")
@RolesAllowed(Roles.PORTAL_ADMIN)
@Produces(MediaType.APPLICATION_JSON)
public class StatsResource {

    @Inject
    StatisticsService statistics;

    @Inject
    SurveyStatistics survey;

    @GET
    @Path("adoption")
    @Operation(summary = "Facilities that applied for a reader, are ready and are live, by type, as of a date",
            description = "Rates are percentages of the type's facilities, rounded half-up to 0.1. Every facility in"
                    + " the master counts, whatever the date (the master has no registration date).")
    @APIResponse(responseCode = "200", description = "The adoption table")
    @APIResponse(responseCode = "400", description = "VALIDATION_FAILED: asOf is not a date")
    @APIResponse(responseCode = "401", description = "UNAUTHENTICATED")
    @APIResponse(responseCode = "403", description = "FORBIDDEN: not a portal administrator")
    public Uni<AdoptionReport> adoption(
            @Parameter(description = "yyyy-MM-dd; default today (Japan)") @QueryParam("asOf") String asOf) {
        return statistics.adoption(StatsParameters.date("asOf", asOf, StatsParameters.today()));
    }

    @GET
    @Path("adoption/prefectures")
    @Operation(summary = "Adoption by prefecture, with the bands of the reader-application rate",
            description = "Bands of ten points, highest first; a band holds its lower edge, and the rate compared is"
                    + " the published one (rounded half-up to 0.1): 90.0 counts in 90 or more.")
    @APIResponse(responseCode = "200", description = "Per prefecture rows and the bands")
    @APIResponse(responseCode = "400", description = "VALIDATION_FAILED: asOf is not a date, or type is unknown")
    @APIResponse(responseCode = "401", description = "UNAUTHENTICATED")
    @APIResponse(responseCode = "403", description = "FORBIDDEN: not a portal administrator")
    public Uni<PrefectureReport> prefectures(
            @Parameter(description = "yyyy-MM-dd; default today (Japan)") @QueryParam("asOf") String asOf,
            @Parameter(
                    description = "HOSPITAL, MEDICAL_CLINIC, DENTAL_CLINIC or PHARMACY; default all") @QueryParam("type") String type) {
        return statistics.prefectures(StatsParameters.date("asOf", asOf, StatsParameters.today()),
                StatsParameters.type(type));
    }

    @GET
    @Path("adoption/trend")
    @Operation(summary = "Ready and live facilities at two dates and the increase, by type")
    @APIResponse(responseCode = "200", description = "The trend table")
    @APIResponse(responseCode = "400",
            description = "VALIDATION_FAILED: from or to is missing or not a date, or from is after to")
    @APIResponse(responseCode = "401", description = "UNAUTHENTICATED")
    @APIResponse(responseCode = "403", description = "FORBIDDEN: not a portal administrator")
    public Uni<TrendReport> trend(
            @Parameter(description = "yyyy-MM-dd", required = true) @QueryParam("from") String from,
            @Parameter(description = "yyyy-MM-dd", required = true) @QueryParam("to") String to) {
        LocalDate start = StatsParameters.date("from", from, null);
        LocalDate end = StatsParameters.date("to", to, null);
        StatsParameters.inOrder(start, end);
        return statistics.trend(start, end);
    }

    @GET
    @Path("usage")
    @Operation(summary = "Eligibility checks by method and type in a period, per live facility per day",
            description = "Days are Japan's calendar days of the checks, from and to included; perFacilityPerDay is"
                    + " total ÷ facilities live at liveAsOf ÷ days, half-up to 0.1; medicationViews and"
                    + " checkupViews count the record views of the same days.")
    @APIResponse(responseCode = "200", description = "The usage table")
    @APIResponse(responseCode = "400",
            description = "VALIDATION_FAILED: from or to is missing or not a date, or from is after to")
    @APIResponse(responseCode = "401", description = "UNAUTHENTICATED")
    @APIResponse(responseCode = "403", description = "FORBIDDEN: not a portal administrator")
    public Uni<UsageReport> usage(
            @Parameter(description = "yyyy-MM-dd", required = true) @QueryParam("from") String from,
            @Parameter(description = "yyyy-MM-dd", required = true) @QueryParam("to") String to,
            @Parameter(description = "yyyy-MM-dd; default to") @QueryParam("liveAsOf") String liveAsOf) {
        LocalDate start = StatsParameters.date("from", from, null);
        LocalDate end = StatsParameters.date("to", to, null);
        StatsParameters.inOrder(start, end);
        return statistics.usage(start, end, StatsParameters.date("liveAsOf", liveAsOf, end));
    }

    @GET
    @Path("survey")
    @Operation(summary = "The survey's answers: percent of respondents per option, and the quoted costs",
            description = "A facility's latest response stands for it; percentages are rounded half-up to 0.1;"
                    + " options nobody chose are not listed.")
    @APIResponse(responseCode = "200", description = "The aggregate answers")
    @APIResponse(responseCode = "401", description = "UNAUTHENTICATED")
    @APIResponse(responseCode = "403", description = "FORBIDDEN: not a portal administrator")
    public Uni<SurveyReport> survey() {
        return survey.report();
    }
}
