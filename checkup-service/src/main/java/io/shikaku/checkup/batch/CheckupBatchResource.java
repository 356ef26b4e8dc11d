package io.shikaku.checkup.batch;

import java.net.URI;
import java.util.UUID;

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

import io.quarkus.security.PermissionsAllowed;
import io.quarkus.security.identity.SecurityIdentity;
import io.shikaku.common.problem.ProblemException;
import io.shikaku.common.security.Bindings;
import io.shikaku.common.security.InsurerBinding;
import io.shikaku.contract.Roles;
import io.smallrye.mutiny.Uni;

/**
 * Insurers upload their members' specific health checkup results (DOMAIN.md §7): checkup batches and their per-line
 * reports; an insurer acts only for its own insurer number and its own members.
 */
@Path("/api/v1/insurers/{insurerNumber}/checkup-batches")
@Tag(name = "Checkup batches")
@Produces(MediaType.APPLICATION_JSON)
public class CheckupBatchResource {

    @Inject
    CheckupBatchService batches;

    @Inject
    CheckupWorker worker;

    @Inject
    SecurityIdentity identity;

    @POST
    @PermissionsAllowed(value = Bindings.OWN_INSURER, permission = InsurerBinding.class)
    @Operation(summary = "Submit a checkup batch: 1 to 50,000 checkup results",
            description = "Accepted at once (202, with a Location header) and attached in the background. Each line"
                    + " is judged on its own: a malformed one is REJECTED (INVALID_FIELD, INVALID_DATES, MISSING_ITEM,"
                    + " UNIT_MISMATCH, IMPLAUSIBLE_VALUE, UNKNOWN_JLAC10_CODE, DUPLICATE_LINE, naming the field),"
                    + " one whose individual insured number the insurer does not cover on the examination date is"
                    + " REJECTED NOT_A_MEMBER (MEMBER_AMBIGUOUS when it names several persons); the rest is ACCEPTED"
                    + " and stored with its metabolic-syndrome judgement. Honours Idempotency-Key: the same key and"
                    + " body give the same batch, the same key with another body is 409.")
    @APIResponse(responseCode = "202", description = "The receipt")
    @APIResponse(responseCode = "400", description = "VALIDATION_FAILED: no records, or a body that is not JSON of"
            + " the right shape")
    @APIResponse(responseCode = "401", description = "UNAUTHENTICATED")
    @APIResponse(responseCode = "403", description = "FORBIDDEN: not an insurer, or another insurer")
    @APIResponse(responseCode = "409", description = "CONFLICT: the Idempotency-Key was used with another body")
    @APIResponse(responseCode = "413", description = "PAYLOAD_TOO_LARGE: more than 50,000 records")
    public Uni<RestResponse<CheckupBatches.Accepted>> submit(@PathParam("insurerNumber") String insurerNumber,
            @NotNull CheckupBatches.Request request, @HeaderParam("Idempotency-Key") String idempotencyKey) {
        requireInsurer();
        return batches.submit(insurerNumber, request, idempotencyKey)
                .invoke(worker::wake)
                .map(accepted -> RestResponse.ResponseBuilder.create(RestResponse.Status.ACCEPTED, accepted)
                        .location(URI.create("/api/v1/insurers/" + insurerNumber + "/checkup-batches/"
                                + accepted.batchId()))
                        .build());
    }

    @GET
    @Path("{batchId}")
    @PermissionsAllowed(value = Bindings.OWN_INSURER, permission = InsurerBinding.class)
    @Operation(summary = "A checkup batch's status and counts and, once COMPLETED, its lines in record order",
            description = "One entry per record, line numbered from 1. Paged: page from 0, size 1,000 by default and"
                    + " at most 10,000.")
    @APIResponse(responseCode = "200", description = "The batch")
    @APIResponse(responseCode = "404", description = "NOT_FOUND: no such batch for this insurer")
    public Uni<CheckupBatches.View> view(@PathParam("insurerNumber") String insurerNumber,
            @PathParam("batchId") UUID batchId,
            @QueryParam("page") @DefaultValue("0") @Min(0) @Max(1_000_000) int page,
            @QueryParam("size") @DefaultValue(""
                    + CheckupBatches.DEFAULT_PAGE_SIZE) @Min(1) @Max(CheckupBatches.MAX_PAGE_SIZE) int size) {
        requireInsurer();
        return batches.view(insurerNumber, batchId, page, size);
    }

    /** The binding alone is not enough: only insurer systems act for an insurer (API.md "Conventions"). */
    private void requireInsurer() {
        if (!identity.hasRole(Roles.INSURER)) {
            throw ProblemException.forbidden("Only an insurer system may do this");
        }
    }
}
