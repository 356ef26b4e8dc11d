package io.shikaku.checkup.view;

import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.shikaku.common.access.Viewer;
import io.shikaku.common.security.Caller;
import io.shikaku.contract.Roles;
import io.smallrye.mutiny.Uni;

/**
 * A facility's view of a patient's specific health checkups (DOMAIN.md §7), for clinic systems and emergency staff of
 * that facility, only with the patient's live consent to checkups (or, later, an emergency or disaster grant).
 */
@Path("/api/v1/persons/{personId}/checkups")
@Tag(name = "Checkups")
@RolesAllowed({Roles.CLINIC, Roles.EMERGENCY_STAFF})
@Produces(MediaType.APPLICATION_JSON)
public class CheckupViewResource {

    @Inject
    CheckupViewService checkups;

    @Inject
    Caller caller;

    @Inject
    JsonWebToken token;

    @GET
    @Operation(summary = "A person's checkups, newest first",
            description = "Every examination kept (5 years), each item with its value, unit and JLAC10 code (BMI"
                    + " marked computed when it was computed from height and weight), and the metabolic-syndrome"
                    + " judgement made when it was accepted. Needs a live consent of the person for the caller's"
                    + " facility covering checkups; every view is recorded (record-views).")
    @APIResponse(responseCode = "200", description = "The checkups (possibly none)")
    @APIResponse(responseCode = "401", description = "UNAUTHENTICATED")
    @APIResponse(responseCode = "403", description = "FORBIDDEN: not a clinic system or emergency staff of a facility")
    @APIResponse(responseCode = "404", description = "NOT_FOUND: no such person, or no live consent to checkups for"
            + " this facility (one answer for both)")
    @APIResponse(responseCode = "503",
            description = "UNAVAILABLE: consents cannot be confirmed right now (Retry-After)")
    public Uni<Checkups.View> checkups(@PathParam("personId") UUID personId) {
        return checkups.view(Viewer.of(token, caller.facilityCode()), personId);
    }
}
