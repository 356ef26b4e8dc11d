package io.shikaku.eligibility.check;

import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import io.micrometer.core.instrument.MeterRegistry;
import io.shikaku.common.problem.ProblemMappers;
import io.shikaku.common.security.Caller;
import io.shikaku.contract.ErrorCode;
import io.shikaku.contract.Headers;
import io.shikaku.contract.Problem;
import io.shikaku.eligibility.sweep.SweepRefused;
import io.smallrye.mutiny.Uni;

/** Eligibility checks by clinic systems; the facility is always the token's own. */
@Path("/api/v1/eligibility/checks")
@Tag(name = "Eligibility checks")
@RolesAllowed("clinic")
@Produces(MediaType.APPLICATION_JSON)
public class CheckResource {

    @Inject
    EligibilityCheckService checks;

    @Inject
    Caller caller;

    @Inject
    MeterRegistry metrics;

    @POST
    @Operation(summary = "Confirm a patient's qualification on the visit date",
            description = "By insurance card numbers, or by My Number card (cardSerial, identityVerification and the"
                    + " consent answered on the reader). Every validity (VALID, INVALID, INVALID_NEWER_EXISTS,"
                    + " NOT_FOUND, MULTIPLE_MATCHES) is a 200; the check is recorded. Only a facility live on the visit date"
                    + " (its registered go-live date on or before it) may check. A card check answers the consent it"
                    + " recorded (24 hours; none, with note LINKAGE_UNDER_REVIEW, while the person's linkage is under"
                    + " review) and the note CARD_EXPIRES_SOON when the card's last valid day is within three months"
                    + " of the visit date; a card check never answers INVALID_NEWER_EXISTS (no numbers were given) and,"
                    + " of several qualifications in force, shows the one that started last. The ceiling category"
                    + " (limitCategory) is shown only when consent.limitCategory is true.")
    @APIResponse(responseCode = "200",
            description = "The answer, with the qualification unless nothing or several matched")
    @APIResponse(responseCode = "400",
            description = "VALIDATION_FAILED: a field is missing or malformed, or a check digit is wrong")
    @APIResponse(responseCode = "401", description = "UNAUTHENTICATED")
    @APIResponse(responseCode = "403",
            description = "FORBIDDEN: not a clinic system, or the token is bound to no facility;"
                    + " FACILITY_NOT_LIVE: the facility has no go-live date on or before the visit date")
    @APIResponse(responseCode = "422",
            description = "A My Number card that is CARD_UNKNOWN, CARD_REVOKED (lost), CARD_EXPIRED on the visit date"
                    + " or CARD_NOT_REGISTERED (its registration for insurance use withdrawn), checked in that order")
    public Uni<CheckAnswer> check(@Valid @NotNull CheckRequest request) {
        String facilityCode = caller.facilityCode();
        request.requireComplete();
        return checks.check(facilityCode, request);
    }

    @ServerExceptionMapper
    public Response sweepRefused(SweepRefused e) {
        metrics.counter(SweepRefused.COUNTER, "reason", "SWEEP").increment();
        return Response.fromResponse(ProblemMappers.respond(Problem.of(ErrorCode.RATE_LIMITED,
                "Too many checks of these card numbers answered NOT_FOUND for this facility; retry after the time given")))
                .header(Headers.RETRY_AFTER, null)
                .header(Headers.RETRY_AFTER, Long.toString(e.retryAfterSeconds()))
                .build();
    }

    @GET
    @Path("{checkId}")
    @Operation(summary = "A recorded check, as it was answered; only to the facility that made it")
    @APIResponse(responseCode = "200", description = "The recorded answer")
    @APIResponse(responseCode = "404", description = "NOT_FOUND: no such check for this facility")
    public Uni<CheckAnswer> recorded(@PathParam("checkId") UUID checkId) {
        return checks.recorded(caller.facilityCode(), checkId);
    }
}
