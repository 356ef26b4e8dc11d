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

import io.shikaku.common.security.Caller;
import io.smallrye.mutiny.Uni;

/** Eligibility checks by clinic systems; the facility is always the token's own. */
@Path("/api/v1/eligibility/checks")
@RolesAllowed("clinic")
@Produces(MediaType.APPLICATION_JSON)
public class CheckResource {

    @Inject
    EligibilityCheckService checks;

    @Inject
    Caller caller;

    @POST
    public Uni<CheckAnswer> check(@Valid @NotNull CheckRequest request) {
        return checks.check(caller.facilityCode(), request);
    }

    @GET
    @Path("{checkId}")
    public Uni<String> recorded(@PathParam("checkId") UUID checkId) {
        return checks.recorded(caller.facilityCode(), checkId);
    }
}
