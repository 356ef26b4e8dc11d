package io.shikaku.eligibility.sweep;

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

import io.shikaku.contract.Roles;
import io.shikaku.eligibility.audit.AccessLogQuery;
import io.smallrye.mutiny.Uni;

/**
 * Sweeps for auditors (issue 13, item 4; README "Sweeps"): facilities that got NOT_FOUND for the same card's numbers
 * many times in a window, i.e. tried birth dates until one matched, and how often they were refused since.
 */
@Path("/api/v1/audit/sweeps")
@Tag(name = "Audit")
@RolesAllowed(Roles.AUDITOR)
@Produces(MediaType.APPLICATION_JSON)
public class SweepResource {

    @Inject
    Sweeps sweeps;

    @GET
    @Operation(operationId = "auditSweeps", summary = "Sweeps of birth dates by facility, newest first",
            description = "A sweep is a facility's window (from its first NOT_FOUND, shikaku.sweep.window long) in which"
                    + " checks of one card's numbers answered NOT_FOUND shikaku.sweep.threshold times; further checks"
                    + " of those numbers from that facility are refused with 429 RATE_LIMITED until refusedUntil. The"
                    + " numbers are shown only as their keyed hash. The period filters the window's start; a bound is"
                    + " an RFC 3339 instant or a day yyyy-MM-dd in Japan (the whole day), both inclusive. Pages count"
                    + " from 0; size 1 to " + AccessLogQuery.MAX_SIZE + ", " + AccessLogQuery.DEFAULT_SIZE
                    + " by default.")
    @APIResponse(responseCode = "200", description = "One page of sweeps and the number of matching sweeps")
    @APIResponse(responseCode = "400", description = "VALIDATION_FAILED: a filter or paging parameter is malformed,"
            + " or from is after to")
    @APIResponse(responseCode = "401", description = "UNAUTHENTICATED")
    @APIResponse(responseCode = "403", description = "FORBIDDEN: not an auditor")
    public Uni<SweepPage> sweeps(
            @Parameter(description = "facility code (10 digits)") @QueryParam("facility") String facility,
            @Parameter(
                    description = "RFC 3339 instant or yyyy-MM-dd (Japan), inclusive") @QueryParam("from") String from,
            @Parameter(description = "RFC 3339 instant or yyyy-MM-dd (Japan), inclusive") @QueryParam("to") String to,
            @Parameter(description = "from 0; default 0") @QueryParam("page") String page,
            @Parameter(description = "1 to 500; default 50") @QueryParam("size") String size) {
        return sweeps.page(AccessLogQuery.audit(null, facility, null, from, to, page, size));
    }
}
