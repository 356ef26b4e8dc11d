package io.shikaku.eligibility.disaster;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

import io.shikaku.common.problem.ProblemException;
import io.shikaku.contract.Roles;
import io.smallrye.mutiny.Uni;

/**
 * The ministry declares disasters, lists them and ends one early (DOMAIN.md §8, API.md "Emergency and disaster"): a
 * disaster opens lookups without a card to licensed staff of facilities in its region during its period.
 */
@Path("/api/v1/disasters")
@Tag(name = "Disasters")
@RolesAllowed(Roles.MINISTRY)
@Produces(MediaType.APPLICATION_JSON)
public class DisasterResource {

    @Inject
    Disasters disasters;

    @Inject
    JsonWebToken token;

    @POST
    @Operation(summary = "Declare a disaster for a region and a period",
            description = "prefectures: JIS X 0401 codes 01 to 47, at least one, each once; from and until: Japan's"
                    + " calendar days (yyyy-MM-dd), until not before from. The disaster is in force from 00:00 in Japan"
                    + " on from until 24:00 on until, unless ended early.")
    @APIResponse(responseCode = "201", description = "Declared; Location names the disaster")
    @APIResponse(responseCode = "400", description = "VALIDATION_FAILED: name missing, blank or longer than 200"
            + " characters; no prefecture, a code outside 01 to 47 or given twice; from or until missing, or until"
            + " before from")
    @APIResponse(responseCode = "401", description = "UNAUTHENTICATED")
    @APIResponse(responseCode = "403", description = "FORBIDDEN: not the ministry")
    public Uni<RestResponse<Disaster>> declare(@NotNull DisasterRequest request) {
        return disasters.declare(request, token.getSubject()).map(disaster -> RestResponse.ResponseBuilder
                .<Disaster>created(URI.create("/api/v1/disasters/" + disaster.disasterId())).entity(disaster)
                .build());
    }

    @GET
    @Operation(summary = "Every declared disaster, the latest declared first",
            description = "active: whether its period covers now (and it was not ended early).")
    @APIResponse(responseCode = "200", description = "The disasters")
    @APIResponse(responseCode = "401", description = "UNAUTHENTICATED")
    @APIResponse(responseCode = "403", description = "FORBIDDEN: not the ministry")
    public Uni<List<Disaster>> list() {
        return disasters.list();
    }

    @DELETE
    @Path("{disasterId}")
    @Operation(summary = "End a disaster early",
            description = "Its period ends now: lookups under it are refused from this moment on. Ending a disaster"
                    + " that has already ended (early or at the end of its period) is no error and changes nothing.")
    @APIResponse(responseCode = "204", description = "Ended")
    @APIResponse(responseCode = "401", description = "UNAUTHENTICATED")
    @APIResponse(responseCode = "403", description = "FORBIDDEN: not the ministry")
    @APIResponse(responseCode = "404", description = "NOT_FOUND: no such disaster")
    public Uni<Void> end(@PathParam("disasterId") String disasterId) {
        UUID id;
        try {
            id = UUID.fromString(disasterId);
        } catch (IllegalArgumentException e) {
            return Uni.createFrom().failure(ProblemException.notFound("No such disaster"));
        }
        return disasters.end(id);
    }
}
