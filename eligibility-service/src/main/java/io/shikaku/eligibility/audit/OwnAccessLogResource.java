package io.shikaku.eligibility.audit;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.shikaku.common.security.Caller;
import io.shikaku.contract.Roles;
import io.smallrye.mutiny.Uni;

/**
 * A patient's own access log (API.md "Patients", DOMAIN.md §2: the patient "sees … who viewed them"): only ever the
 * person of the token's {@code person_id}, never a parameter.
 */
@Path("/api/v1/me/access-log")
@Tag(name = "Patients")
@RolesAllowed(Roles.PATIENT)
@Produces(MediaType.APPLICATION_JSON)
public class OwnAccessLogResource {

    @Inject
    AccessLogService log;

    @Inject
    Caller caller;

    @GET
    @Operation(operationId = "ownAccessLog", summary = "Who accessed my medication and checkups, newest first",
            description = "When, which facility (code and name; the name is null while unknown), the profession of"
                    + " emergency or disaster staff (null for a view with consent), what (MEDICATION, CHECKUP, or"
                    + " LOOKUP for an emergency or disaster lookup) and on which basis. A period bound is an RFC 3339"
                    + " instant or a day yyyy-MM-dd in Japan (the whole day), both inclusive. Pages count from 0; size"
                    + " 1 to " + AccessLogQuery.MAX_SIZE + ", " + AccessLogQuery.DEFAULT_SIZE + " by default.")
    @APIResponse(responseCode = "200", description = "One page of accesses and the number of matching ones")
    @APIResponse(responseCode = "400", description = "VALIDATION_FAILED: a period or paging parameter is malformed,"
            + " or from is after to")
    @APIResponse(responseCode = "401", description = "UNAUTHENTICATED")
    @APIResponse(responseCode = "403", description = "FORBIDDEN: not a patient, or the token is not bound to a person")
    public Uni<OwnAccessPage> entries(
            @Parameter(
                    description = "RFC 3339 instant or yyyy-MM-dd (Japan), inclusive") @QueryParam("from") String from,
            @Parameter(description = "RFC 3339 instant or yyyy-MM-dd (Japan), inclusive") @QueryParam("to") String to,
            @Parameter(description = "from 0; default 0") @QueryParam("page") String page,
            @Parameter(description = "1 to 500; default 50") @QueryParam("size") String size) {
        return log.own(AccessLogQuery.own(caller.personId(), from, to, page, size));
    }
}
