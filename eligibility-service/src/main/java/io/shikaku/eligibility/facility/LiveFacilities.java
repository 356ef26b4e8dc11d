package io.shikaku.eligibility.facility;

import java.time.LocalDate;

import jakarta.enterprise.context.ApplicationScoped;

import io.shikaku.common.problem.ProblemException;
import io.shikaku.contract.ErrorCode;
import io.smallrye.mutiny.Uni;

/**
 * Only live facilities may check (DOMAIN.md §9, API.md "A facility that is not live on the visit date gets 403
 * FACILITY_NOT_LIVE"): one primary-key read of the projection in the caller's session. The projection follows the
 * registry within about a second of its commit (its relay wakes on commit, this service's consumer polls
 * continuously), so a facility that has just registered its go-live date may check a moment later.
 */
@ApplicationScoped
public class LiveFacilities {

    /** Fails with {@code 403 FACILITY_NOT_LIVE} unless the facility is live on {@code visitDate}. */
    public Uni<Void> requireLiveOn(String facilityCode, LocalDate visitDate) {
        return Facility.<Facility>findById(facilityCode).map(facility -> {
            requireLive(facility == null ? null : facility.goLiveOn, visitDate);
            return null;
        });
    }

    /**
     * Fails with {@code 403 FACILITY_NOT_LIVE} unless a facility whose projected go-live date is {@code goLiveOn}
     * (null: none, or the facility unknown) is live on {@code visitDate}: for a caller that read the projection itself.
     */
    public static void requireLive(LocalDate goLiveOn, LocalDate visitDate) {
        if (!GoLive.isLiveOn(goLiveOn, visitDate)) {
            throw new ProblemException(ErrorCode.FACILITY_NOT_LIVE,
                    "This facility is not live on the visit date: it may check from its registered go-live date on");
        }
    }
}
