package io.shikaku.eligibility.emergency;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import io.shikaku.common.access.Viewer;
import io.shikaku.common.problem.ProblemException;
import io.shikaku.common.problem.ProblemMappers;
import io.shikaku.common.security.Caller;
import io.shikaku.contract.ErrorCode;
import io.shikaku.contract.Headers;
import io.shikaku.contract.Problem;
import io.shikaku.contract.Roles;
import io.smallrye.mutiny.Uni;

/**
 * Licensed emergency staff identify a patient without a consent at a card check (DOMAIN.md §8, API.md "Emergency and
 * disaster"): by the card in an emergency, by name, birth date, sex and insurer or address in a disaster.
 */
@Path("/api/v1/emergency/lookups")
@Tag(name = "Emergency and disaster")
@RolesAllowed(Roles.EMERGENCY_STAFF)
@Produces(MediaType.APPLICATION_JSON)
public class EmergencyLookupResource {

    @Inject
    EmergencyLookups lookups;

    @Inject
    Caller caller;

    @Inject
    JsonWebToken token;

    @POST
    @Operation(summary = "Identify a patient in an emergency or a disaster, and receive a grant to view",
            description = "acknowledgedSpecialAccess must be true; patientConsent OBTAINED or UNABLE_LIFE_AT_RISK;"
                    + " basis EMERGENCY (cardSerial of the patient's registered card; only from a facility with an"
                    + " emergency terminal) or DISASTER (all four of name, birthDate, sex and insurerNameOrAddress;"
                    + " only from a facility in a prefecture of a disaster in force now). Names and the insurer name or"
                    + " address are compared after NFKC with spaces removed, the latter partially (contained in the"
                    + " person's address or an insurer's name). Exactly one insured person must be identified. A"
                    + " success issues a grant for the caller's facility to view the person's medication and checkups"
                    + " until expiresAt (8 hours by default). Every attempt counts against the staff member's limit"
                    + " (10 in 10 minutes by default) and is logged.")
    @APIResponse(responseCode = "200", description = "The person identified, the grant and its expiry")
    @APIResponse(responseCode = "400", description = "VALIDATION_FAILED: acknowledgement not true, patientConsent or"
            + " basis missing, cardSerial missing for EMERGENCY, any of the four missing or blank for DISASTER")
    @APIResponse(responseCode = "401", description = "UNAUTHENTICATED")
    @APIResponse(responseCode = "403", description = "FORBIDDEN: not emergency staff of a facility with a licensed"
            + " profession (DOCTOR, DENTIST, PHARMACIST), or EMERGENCY from a facility without an emergency terminal;"
            + " OUTSIDE_DISASTER_SCOPE: no disaster in force covers the facility's prefecture")
    @APIResponse(responseCode = "404", description = "NO_SINGLE_MATCH: nobody or several identified (never which)")
    @APIResponse(responseCode = "429", description = "RATE_LIMITED: too many lookups by this staff member; Retry-After")
    public Uni<LookupAnswer> lookup(@NotNull EmergencyLookupRequest request) {
        Viewer staff = Viewer.of(token, caller.facilityCode());
        if (!LookupRules.licensed(staff.profession())) {
            throw ProblemException.forbidden(
                    "Only licensed staff (profession DOCTOR, DENTIST or PHARMACIST in the token) may look up");
        }
        return lookups.lookup(staff, request);
    }

    @ServerExceptionMapper
    public Response rateLimited(RateLimited e) {
        return Response.fromResponse(ProblemMappers.respond(Problem.of(ErrorCode.RATE_LIMITED,
                "Too many lookups by this staff member; retry after the time given")))
                .header(Headers.RETRY_AFTER, null)
                .header(Headers.RETRY_AFTER, Long.toString(e.retryAfterSeconds()))
                .build();
    }
}
