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

import io.shikaku.contract.Roles;
import io.smallrye.mutiny.Uni;

/**
 * The access log for auditors (API.md "Audit", issue 10 item 3): every view of medication or checkups and every
 * emergency or disaster lookup, filtered and paged, and the verification of its hash chain.
 */
@Path("/api/v1/audit/access-log")
@Tag(name = "Audit")
@RolesAllowed(Roles.AUDITOR)
@Produces(MediaType.APPLICATION_JSON)
public class AuditResource {

    @Inject
    AccessLogService log;

    @Inject
    ChainVerification verification;

    @GET
    @Operation(operationId = "auditAccessLog", summary = "The access log, newest first",
            description = "Every given filter applies. A period bound is an RFC 3339 instant or a day yyyy-MM-dd in"
                    + " Japan (the whole day); both bounds are inclusive. Pages count from 0; size 1 to "
                    + AccessLogQuery.MAX_SIZE + ", " + AccessLogQuery.DEFAULT_SIZE + " by default.")
    @APIResponse(responseCode = "200", description = "One page of entries and the number of matching entries")
    @APIResponse(responseCode = "400", description = "VALIDATION_FAILED: a filter or paging parameter is malformed,"
            + " or from is after to")
    @APIResponse(responseCode = "401", description = "UNAUTHENTICATED")
    @APIResponse(responseCode = "403", description = "FORBIDDEN: not an auditor")
    public Uni<AuditLogPage> entries(
            @Parameter(description = "person id (UUID)") @QueryParam("person") String person,
            @Parameter(description = "facility code (10 digits)") @QueryParam("facility") String facility,
            @Parameter(description = "CONSENT, EMERGENCY or DISASTER") @QueryParam("basis") String basis,
            @Parameter(
                    description = "RFC 3339 instant or yyyy-MM-dd (Japan), inclusive") @QueryParam("from") String from,
            @Parameter(description = "RFC 3339 instant or yyyy-MM-dd (Japan), inclusive") @QueryParam("to") String to,
            @Parameter(description = "from 0; default 0") @QueryParam("page") String page,
            @Parameter(description = "1 to 500; default 50") @QueryParam("size") String size) {
        return log.audit(AccessLogQuery.audit(person, facility, basis, from, to, page, size));
    }

    @GET
    @Path("verification")
    @Operation(operationId = "verifyAccessLog", summary = "Check the access log's hash chain from the first entry",
            description = "Recomputes every entry's HMAC and its link to the entry before, up to the last entry at the"
                    + " time of the request. firstBrokenEntry is the sequence number where the chain first breaks: a"
                    + " changed or forged entry's own number, or the first missing number where entries were removed;"
                    + " null when the chain is valid.")
    @APIResponse(responseCode = "200", description = "{ entries, valid, firstBrokenEntry }")
    @APIResponse(responseCode = "401", description = "UNAUTHENTICATED")
    @APIResponse(responseCode = "403", description = "FORBIDDEN: not an auditor")
    public Uni<Verification> verify() {
        return verification.verify();
    }
}
