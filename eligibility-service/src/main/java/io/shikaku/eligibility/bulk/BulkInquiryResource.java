package io.shikaku.eligibility.bulk;

import java.net.URI;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

import io.shikaku.common.security.Caller;
import io.shikaku.contract.Roles;
import io.smallrye.mutiny.Uni;

/** Bulk checks (一括照会, DOMAIN.md §4) by clinic systems: accepted at once, answered later; the token's facility. */
@Path("/api/v1/eligibility/bulk-inquiries")
@Tag(name = "Bulk inquiries")
@RolesAllowed(Roles.CLINIC)
@Produces(MediaType.APPLICATION_JSON)
public class BulkInquiryResource {

    @Inject
    BulkInquiryService inquiries;

    @Inject
    BulkWorker worker;

    @Inject
    Caller caller;

    @POST
    @Operation(summary = "Submit a bulk inquiry: 1 to 10,000 patients by card numbers for one visit date",
            description = "Accepted at once (202, with a Location header); the entries are answered in the"
                    + " background, each as a recorded check with method BULK and the single check's validity"
                    + " codes. Each entry is validated on its own: an invalid one becomes an error result"
                    + " (INVALID_FIELD, naming the field), it does not fail the inquiry. Entries count towards sweeps"
                    + " as single checks do: an entry of card numbers this facility is sweeping (too many NOT_FOUND"
                    + " answers for them in a window) is the error RATE_LIMITED, not answered. Honours Idempotency-Key:"
                    + " the same key and body give the same inquiry, the same key with another body is 409.")
    @APIResponse(responseCode = "202", description = "The receipt")
    @APIResponse(responseCode = "400",
            description = "VALIDATION_FAILED: no visit date, no entries, or a body that is not JSON")
    @APIResponse(responseCode = "401", description = "UNAUTHENTICATED")
    @APIResponse(responseCode = "403",
            description = "FORBIDDEN: not a clinic system; FACILITY_NOT_LIVE: the facility has no go-live date on"
                    + " or before the visit date")
    @APIResponse(responseCode = "409", description = "CONFLICT: the Idempotency-Key was used with another body")
    @APIResponse(responseCode = "413", description = "PAYLOAD_TOO_LARGE: more than 10,000 entries")
    public Uni<RestResponse<BulkInquiries.Accepted>> submit(@Valid @NotNull BulkInquiries.Request request,
            @HeaderParam("Idempotency-Key") String idempotencyKey) {
        return inquiries.submit(caller.facilityCode(), request, idempotencyKey)
                .invoke(worker::wake)
                .map(accepted -> RestResponse.ResponseBuilder.create(RestResponse.Status.ACCEPTED, accepted)
                        .location(URI.create("/api/v1/eligibility/bulk-inquiries/" + accepted.inquiryId()))
                        .build());
    }

    @GET
    @Path("{inquiryId}")
    @Operation(summary = "A bulk inquiry's status and counts and, once COMPLETED, its results in entry order",
            description = "processed = entries answered or rejected, normal = entries answered with a validity,"
                    + " errors = invalid or refused (RATE_LIMITED) entries. Results are paged: page from 0, size 1,000 by default and at"
                    + " most 10,000. Only to the facility that made the inquiry.")
    @APIResponse(responseCode = "200", description = "The inquiry")
    @APIResponse(responseCode = "404", description = "NOT_FOUND: no such inquiry for this facility")
    public Uni<BulkInquiries.View> view(@PathParam("inquiryId") UUID inquiryId,
            @QueryParam("page") @DefaultValue("0") @Min(0) @Max(1_000_000) int page,
            @QueryParam("size") @DefaultValue(""
                    + BulkInquiries.DEFAULT_PAGE_SIZE) @Min(1) @Max(BulkInquiries.MAX_PAGE_SIZE) int size) {
        return inquiries.view(caller.facilityCode(), inquiryId, page, size);
    }
}
