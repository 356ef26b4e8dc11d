package io.shikaku.facility.exemption;

import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
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
import io.shikaku.common.security.Bindings;
import io.shikaku.common.security.FacilityBinding;
import io.shikaku.contract.Roles;
import io.shikaku.facility.master.FacilityAccess;
import io.smallrye.mutiny.Uni;

/** Exemption requests (経過措置, DOMAIN.md §9): a facility asks with a reason, a portal administrator decides. */
@Path("/api/v1/facilities/{facilityCode}/exemption-requests")
@Tag(name = "Facilities")
@Produces(MediaType.APPLICATION_JSON)
public class ExemptionResource {

    @Inject
    ExemptionService exemptions;

    @Inject
    FacilityAccess access;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @PermissionsAllowed(value = Bindings.OWN_FACILITY_OR_PORTAL_ADMIN, permission = FacilityBinding.class)
    @Operation(summary = "Request an exemption with one of the reasons of DOMAIN.md §9")
    @APIResponse(responseCode = "201", description = "The request, pending")
    @APIResponse(responseCode = "404", description = "NOT_FOUND: not in the master")
    public Uni<RestResponse<ExemptionRequests.View>> submit(@PathParam("facilityCode") String facilityCode,
            @Valid @NotNull ExemptionRequests.Submit request) {
        access.requireAdministrator(facilityCode);
        return exemptions.submit(facilityCode, request).map(view -> RestResponse.status(RestResponse.Status.CREATED,
                view));
    }

    @GET
    @PermissionsAllowed(value = Bindings.OWN_FACILITY_OR_PORTAL_ADMIN, permission = FacilityBinding.class)
    @Operation(summary = "The facility's exemption requests, oldest first")
    @APIResponse(responseCode = "200", description = "The requests and their decisions")
    @APIResponse(responseCode = "404", description = "NOT_FOUND: not in the master")
    public Uni<ExemptionRequests.Listing> list(@PathParam("facilityCode") String facilityCode) {
        access.requireAdministrator(facilityCode);
        return exemptions.list(facilityCode);
    }

    @POST
    @Path("{requestId}/decision")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.PORTAL_ADMIN)
    @Operation(summary = "Approve or reject a pending exemption request, with a note")
    @APIResponse(responseCode = "200", description = "The decided request")
    @APIResponse(responseCode = "404", description = "NOT_FOUND: no such request for this facility")
    @APIResponse(responseCode = "409", description = "CONFLICT: already decided")
    public Uni<ExemptionRequests.View> decide(@PathParam("facilityCode") String facilityCode,
            @PathParam("requestId") UUID requestId, @Valid @NotNull ExemptionRequests.Decide decision) {
        FacilityAccess.requireValidCode(facilityCode);
        return exemptions.decide(facilityCode, requestId, decision);
    }
}
