package io.shikaku.facility.exemption;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The bodies and answers of exemption requests (API.md "Facilities and statistics"). */
public final class ExemptionRequests {

    private ExemptionRequests() {
    }

    @Schema(name = "ExemptionStatus")
    public enum Status {
        PENDING,
        APPROVED,
        REJECTED
    }

    @Schema(name = "ExemptionDecision")
    public enum Decision {
        APPROVED,
        REJECTED
    }

    /** A facility's request: one reason and an optional note (no personal data, please). */
    @Schema(name = "ExemptionRequestSubmission")
    public record Submit(@NotNull ExemptionReason reason, @Size(max = 2000) String note) {
    }

    /** A portal administrator's decision with a note. */
    @Schema(name = "ExemptionDecisionRequest")
    public record Decide(@NotNull Decision decision, @Size(max = 2000) String note) {
    }

    @Schema(name = "ExemptionRequest")
    public record View(UUID id, String facilityCode, ExemptionReason reason, String note, Status status,
            Instant requestedAt, Instant decidedAt, String decisionNote) {
    }

    @Schema(name = "ExemptionRequestList")
    public record Listing(String facilityCode, List<View> requests) {
    }

    /** One page of requests of every facility: {@code page} counts from 0, {@code total} is every match. */
    @Schema(name = "ExemptionRequestPage")
    public record Page(int page, int size, long total, List<View> requests) {
    }
}
