package io.shikaku.facility.survey;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

import io.quarkus.security.PermissionsAllowed;
import io.shikaku.common.problem.ProblemException;
import io.shikaku.common.security.Bindings;
import io.shikaku.common.security.FacilityBinding;
import io.shikaku.facility.master.FacilityAccess;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

/** Survey responses of facilities (DOMAIN.md §9), one row each; the statistics aggregate them in SQL. */
@Path("/api/v1/facilities/{facilityCode}/survey-responses")
@Tag(name = "Facilities")
@Produces(MediaType.APPLICATION_JSON)
public class SurveyResource {

    private static final String INSERT = "INSERT INTO survey_response (id, facility_code, responded_at, done_steps,"
            + " expected_go_live, obstacles, initial_cost_quote, monthly_cost_quote)"
            + " SELECT $1, facility_code, $3, $4, $5, $6, $7, $8 FROM facility WHERE facility_code = $2";

    @Inject
    Pool pool;

    @Inject
    FacilityAccess access;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @PermissionsAllowed(value = Bindings.OWN_FACILITY_OR_PORTAL_ADMIN, permission = FacilityBinding.class)
    @Operation(summary = "Answer the onboarding survey: done steps, expected go-live, obstacles, quoted costs")
    @APIResponse(responseCode = "201", description = "The response is recorded")
    @APIResponse(responseCode = "404", description = "NOT_FOUND: not in the master")
    public Uni<RestResponse<SurveyResponses.Recorded>> respond(@PathParam("facilityCode") String facilityCode,
            @Valid @NotNull SurveyResponses.Submit response) {
        access.requireAdministrator(facilityCode);
        UUID id = UUID.randomUUID();
        Instant at = Instant.now().truncatedTo(ChronoUnit.MICROS);
        Tuple values = Tuple.tuple().addUUID(id).addString(facilityCode).addOffsetDateTime(at.atOffset(ZoneOffset.UTC))
                .addArrayOfString(names(response.doneSteps())).addString(response.expectedGoLive().name())
                .addArrayOfString(names(response.obstacles())).addInteger(response.initialCostQuote())
                .addInteger(response.monthlyCostQuote());
        return pool.preparedQuery(INSERT).execute(values).map(rows -> {
            if (rows.rowCount() == 0) {
                throw ProblemException.notFound("No such facility in the master");
            }
            return RestResponse.status(RestResponse.Status.CREATED,
                    new SurveyResponses.Recorded(id, facilityCode, at));
        });
    }

    private static String[] names(java.util.List<? extends Enum<?>> options) {
        return options.stream().map(Enum::name).distinct().toArray(String[]::new);
    }
}
