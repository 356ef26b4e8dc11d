package io.shikaku.checkup.view;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.shikaku.common.security.Caller;
import io.shikaku.contract.Roles;
import io.smallrye.mutiny.Uni;

/**
 * The patient's own specific health checkups (API.md "Patients", DOMAIN.md §7) for the personal portal: the person is
 * always the token's {@code person_id}, never a parameter.
 */
@Path("/api/v1/me/checkups")
@Tag(name = "Checkups")
@RolesAllowed(Roles.PATIENT)
@Produces(MediaType.APPLICATION_JSON)
public class OwnCheckupResource {

    @Inject
    CheckupViewService checkups;

    @Inject
    Caller caller;

    @GET
    @Operation(summary = "The caller's own checkups, newest first",
            description = "The checkups of the token's person (person_id), in the shape a facility sees them: every"
                    + " examination kept (5 years) with its items and metabolic-syndrome judgement. No consent"
                    + " needed; not recorded as a view.")
    @APIResponse(responseCode = "200", description = "The checkups (possibly none)")
    @APIResponse(responseCode = "401", description = "UNAUTHENTICATED")
    @APIResponse(responseCode = "403", description = "FORBIDDEN: not a patient, a token without a valid person_id, or"
            + " the person's My Number linkage is being checked (viewing suspended: the records may not be theirs)")
    public Uni<Checkups.View> ownCheckups() {
        return checkups.own(caller.personId());
    }
}
