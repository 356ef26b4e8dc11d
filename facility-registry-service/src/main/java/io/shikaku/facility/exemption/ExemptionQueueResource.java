package io.shikaku.facility.exemption;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.shikaku.contract.Roles;
import io.smallrye.mutiny.Uni;

/** The portal administrators' work list: exemption requests of every facility, by status, oldest first. */
@Path("/api/v1/facilities/exemption-requests")
@Tag(name = "Facilities")
@Produces(MediaType.APPLICATION_JSON)
public class ExemptionQueueResource {

    @Inject
    ExemptionService exemptions;

    @GET
    @RolesAllowed(Roles.PORTAL_ADMIN)
    @Operation(summary = "Exemption requests of every facility with a status (default PENDING), oldest first",
            description = "Pages count from 0; at most 500 per page.")
    @APIResponse(responseCode = "200", description = "One page of requests")
    @APIResponse(responseCode = "400", description = "VALIDATION_FAILED: a parameter is malformed")
    public Uni<ExemptionRequests.Page> queue(
            @QueryParam("status") @DefaultValue("PENDING") @Pattern(regexp = "PENDING|APPROVED|REJECTED") String status,
            @QueryParam("page") @DefaultValue("0") @Min(0) @Max(1_000_000) int page,
            @QueryParam("size") @DefaultValue("50") @Min(1) @Max(500) int size) {
        return exemptions.queue(ExemptionRequests.Status.valueOf(status), page, size);
    }
}
