package io.shikaku.medication.dispensing;

import java.net.URI;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
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

import io.shikaku.contract.Roles;
import io.smallrye.mutiny.Uni;

/** The claims feed delivers dispensing records (DOMAIN.md §6): batches of up to 50,000 and their per-line reports. */
@Path("/api/v1/claims/dispensing-batches")
@Tag(name = "Dispensing batches")
@RolesAllowed(Roles.CLAIMS_FEED)
@Produces(MediaType.APPLICATION_JSON)
public class DispensingBatchResource {

    @Inject
    DispensingBatchService batches;

    @Inject
    DispensingWorker worker;

    @POST
    @Operation(summary = "Submit a dispensing batch: 1 to 50,000 records",
            description = "Accepted at once (202, with a Location header). Each line is judged on its own: a malformed"
                    + " one is REJECTED (INVALID_FIELD naming the field; INVALID_DATES for a date in the future or a"
                    + " prescription after the dispensing), the rest ACCEPTED and attached in the background to the"
                    + " person whose qualification was in force on the dispensing date; a line whose insured number"
                    + " is not known yet is kept and attached when it becomes known. Honours Idempotency-Key: the same"
                    + " key and body give the same batch, the same key with another body is 409.")
    @APIResponse(responseCode = "202", description = "The receipt")
    @APIResponse(responseCode = "400", description = "VALIDATION_FAILED: no records, or a body that is not JSON of"
            + " the right shape")
    @APIResponse(responseCode = "401", description = "UNAUTHENTICATED")
    @APIResponse(responseCode = "403", description = "FORBIDDEN: not the claims feed")
    @APIResponse(responseCode = "409", description = "CONFLICT: the Idempotency-Key was used with another body")
    @APIResponse(responseCode = "413", description = "PAYLOAD_TOO_LARGE: more than 50,000 records")
    public Uni<RestResponse<DispensingBatches.Accepted>> submit(@NotNull DispensingBatches.Request request,
            @HeaderParam("Idempotency-Key") String idempotencyKey) {
        return batches.submit(request, idempotencyKey)
                .invoke(worker::wake)
                .map(accepted -> RestResponse.ResponseBuilder.create(RestResponse.Status.ACCEPTED, accepted)
                        .location(URI.create("/api/v1/claims/dispensing-batches/" + accepted.batchId()))
                        .build());
    }

    @GET
    @Path("{batchId}")
    @Operation(summary = "A dispensing batch's status and counts, and its lines in record order",
            description = "One entry per record, line numbered from 1; attached counts the accepted lines already"
                    + " belonging to a known person. Paged: page from 0, size 1,000 by default and at most 10,000.")
    @APIResponse(responseCode = "200", description = "The batch")
    @APIResponse(responseCode = "404", description = "NOT_FOUND: no such batch")
    public Uni<DispensingBatches.View> view(@PathParam("batchId") UUID batchId,
            @QueryParam("page") @DefaultValue("0") @Min(0) @Max(1_000_000) int page,
            @QueryParam("size") @DefaultValue(""
                    + DispensingBatches.DEFAULT_PAGE_SIZE) @Min(1) @Max(DispensingBatches.MAX_PAGE_SIZE) int size) {
        return batches.view(batchId, page, size);
    }
}
