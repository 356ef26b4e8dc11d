package io.shikaku.eligibility.resident;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.shikaku.contract.Roles;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Uni;

/** The registry feed's way in: the resident registry reference copy that insurer linkages are checked against. */
@Path("/api/v1/resident-registry/imports")
@Tag(name = "Resident registry")
@RolesAllowed(Roles.REGISTRY_FEED)
@Produces(MediaType.APPLICATION_JSON)
public class ResidentResource {

    @Inject
    ResidentRegistry registry;

    @POST
    @Blocking
    @Operation(summary = "Upsert residents by My Number",
            description = "Up to " + ResidentRegistry.MAX_RECORDS + " records. Each record is validated on its own:"
                    + " the valid ones are applied (one upsert by the My Number's keyed hash), each invalid one is"
                    + " reported by index and field (VALIDATION_FAILED; CONFLICT for a My Number repeated in the same"
                    + " import) and not applied. The My Number is never stored, logged or returned.")
    @APIResponse(responseCode = "200", description = "Counts, and the records that were not applied")
    @APIResponse(responseCode = "400",
            description = "VALIDATION_FAILED: the body is not an object with a records array, or a value has the"
                    + " wrong JSON type or is not a yyyy-MM-dd date")
    @APIResponse(responseCode = "401", description = "UNAUTHENTICATED")
    @APIResponse(responseCode = "403", description = "FORBIDDEN: not the registry feed")
    @APIResponse(responseCode = "413", description = "PAYLOAD_TOO_LARGE: more than "
            + ResidentRegistry.MAX_RECORDS + " records, or a body larger than 32 MB")
    public Uni<ImportReport> importRecords(@Valid @NotNull ResidentImport request) {
        return registry.importRecords(request);
    }
}
