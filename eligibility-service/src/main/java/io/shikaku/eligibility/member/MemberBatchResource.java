package io.shikaku.eligibility.member;

import java.net.URI;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.DELETE;
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
 * Insurers keep their members' data right (DOMAIN.md §5): member batches, their per-line reports, and the held
 * records awaiting review; an insurer acts only for its own insurer number.
 */
@Path("/api/v1/insurers/{insurerNumber}")
@Tag(name = "Insurer member batches")
@Produces(MediaType.APPLICATION_JSON)
public class MemberBatchResource {

    @Inject
    MemberBatchService batches;

    @Inject
    MemberWorker worker;

    @Inject
    SecurityIdentity identity;

    @POST
    @Path("member-batches")
    @PermissionsAllowed(value = Bindings.OWN_INSURER, permission = InsurerBinding.class)
    @Operation(summary = "Submit a member batch: 1 to 50,000 UPSERT or END lines",
            description = "Accepted at once (202, with a Location header) and applied in the background in line"
                    + " order. Each line is judged on its own: a malformed one is REJECTED (INVALID_MY_NUMBER,"
                    + " INVALID_DATES, INVALID_FIELD naming the field; an END for an unknown individual insured"
                    + " number is INVALID_FIELD), one whose My Number the resident registry does not know or"
                    + " disagrees with, or that is linked to another person, is HELD for review"
                    + " (RESIDENT_ATTRIBUTES_MISMATCH, MY_NUMBER_LINKED_TO_OTHER_PERSON) and never applied; the"
                    + " rest is ACCEPTED. Honours Idempotency-Key: the same key and body give the same batch, the"
                    + " same key with another body is 409.")
    @APIResponse(responseCode = "202", description = "The receipt")
    @APIResponse(responseCode = "400", description = "VALIDATION_FAILED: no records, or a body that is not JSON of"
            + " the right shape (every value but copaymentRate is a string)")
    @APIResponse(responseCode = "401", description = "UNAUTHENTICATED")
    @APIResponse(responseCode = "403", description = "FORBIDDEN: not an insurer, or another insurer")
    @APIResponse(responseCode = "404", description = "NOT_FOUND: the insurer number is not a known insurer")
    @APIResponse(responseCode = "409", description = "CONFLICT: the Idempotency-Key was used with another body")
    @APIResponse(responseCode = "413", description = "PAYLOAD_TOO_LARGE: more than 50,000 records")
    public Uni<RestResponse<MemberBatches.Accepted>> submit(@PathParam("insurerNumber") String insurerNumber,
            @NotNull MemberBatches.Request request, @HeaderParam("Idempotency-Key") String idempotencyKey) {
        requireInsurer();
        return batches.submit(insurerNumber, request, idempotencyKey)
                .invoke(worker::wake)
                .map(accepted -> RestResponse.ResponseBuilder.create(RestResponse.Status.ACCEPTED, accepted)
                        .location(URI.create("/api/v1/insurers/" + insurerNumber + "/member-batches/"
                                + accepted.batchId()))
                        .build());
    }

    @GET
    @Path("member-batches/{batchId}")
    @PermissionsAllowed(value = Bindings.OWN_INSURER, permission = InsurerBinding.class)
    @Operation(summary = "A member batch's status and counts and, once COMPLETED, its lines in record order",
            description = "One entry per record, line numbered from 1. Paged: page from 0, size 1,000 by default and"
                    + " at most 10,000.")
    @APIResponse(responseCode = "200", description = "The batch")
    @APIResponse(responseCode = "404", description = "NOT_FOUND: no such batch for this insurer")
    public Uni<MemberBatches.View> view(@PathParam("insurerNumber") String insurerNumber,
            @PathParam("batchId") UUID batchId,
            @QueryParam("page") @DefaultValue("0") @Min(0) @Max(1_000_000) int page,
            @QueryParam("size") @DefaultValue(""
                    + MemberBatches.DEFAULT_PAGE_SIZE) @Min(1) @Max(MemberBatches.MAX_PAGE_SIZE) int size) {
        requireInsurer();
        return batches.view(insurerNumber, batchId, page, size);
    }

    @GET
    @Path("held-records")
    @PermissionsAllowed(value = Bindings.OWN_INSURER, permission = InsurerBinding.class)
    @Operation(summary = "The insurer's open held records, oldest first",
            description = "Each held line as sent, except its My Number, which is never shown. Paged: page from 0,"
                    + " size 1,000 by default and at most 10,000.")
    @APIResponse(responseCode = "200", description = "A page of held records")
    public Uni<MemberBatches.HeldRecords> held(@PathParam("insurerNumber") String insurerNumber,
            @QueryParam("page") @DefaultValue("0") @Min(0) @Max(1_000_000) int page,
            @QueryParam("size") @DefaultValue(""
                    + MemberBatches.DEFAULT_PAGE_SIZE) @Min(1) @Max(MemberBatches.MAX_PAGE_SIZE) int size) {
        requireInsurer();
        return batches.held(insurerNumber, page, size);
    }

    @DELETE
    @Path("held-records/{heldRecordId}")
    @PermissionsAllowed(value = Bindings.OWN_INSURER, permission = InsurerBinding.class)
    @Operation(summary = "Discard a held record",
            description = "The record is never applied; the viewing suspension it caused is lifted when no other"
                    + " open held record suspends the person.")
    @APIResponse(responseCode = "204", description = "Discarded")
    @APIResponse(responseCode = "404", description = "NOT_FOUND: no open held record with this id for this insurer")
    public Uni<RestResponse<Void>> discard(@PathParam("insurerNumber") String insurerNumber,
            @PathParam("heldRecordId") UUID heldRecordId) {
        requireInsurer();
        return batches.discard(insurerNumber, heldRecordId).map(ignored -> RestResponse.noContent());
    }

    /** The binding alone is not enough: only insurer systems act for an insurer (API.md "Conventions"). */
    private void requireInsurer() {
        if (!identity.hasRole(Roles.INSURER)) {
            throw ProblemException.forbidden("Only an insurer system may do this");
        }
    }
}
