package io.shikaku.eligibility.consent;

import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.shikaku.common.security.Caller;
import io.shikaku.contract.Roles;
import io.smallrye.mutiny.Uni;

/**
 * A clinic system or emergency staff (the viewing services on their behalf) ask whether their facility holds a live
 * consent, or an emergency or disaster grant, for a patient (DOMAIN.md §4, §8): its own facility's only.
 */
@Path("/api/v1/eligibility/consents")
@Tag(name = "Consent")
@RolesAllowed({Roles.CLINIC, Roles.EMERGENCY_STAFF})
@Produces(MediaType.APPLICATION_JSON)
public class ConsentResource {

    @Inject
    ConsentService consents;

    @Inject
    Caller caller;

    @GET
    @Path("{personId}")
    @Operation(summary = "This facility's live consent (or emergency or disaster grant) for a person",
            description = "A consent given at a My Number card check, for 24 hours (basis CONSENT), or a grant issued"
                    + " by an emergency or disaster lookup (basis EMERGENCY or DISASTER, medication and checkups); the"
                    + " newest live one stands. 404 when none is live, whether or not the person exists.")
    @APIResponse(responseCode = "200", description = "What may be viewed, and until when")
    @APIResponse(responseCode = "401", description = "UNAUTHENTICATED")
    @APIResponse(responseCode = "403",
            description = "FORBIDDEN: not a clinic system or emergency staff bound to a facility")
    @APIResponse(responseCode = "404", description = "NOT_FOUND: no live consent of this person for this facility")
    public Uni<LiveConsent> live(@PathParam("personId") UUID personId) {
        return consents.live(caller.facilityCode(), personId);
    }
}
