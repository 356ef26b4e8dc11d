package io.shikaku.facility.master;

import java.time.LocalDate;

/** The dates of a facility's onboarding steps and its readers (DOMAIN.md §9); null where a step is not taken. */
public record LifecycleDates(LocalDate accountRegisteredOn, LocalDate readerAppliedOn, Integer readersApplied,
        LocalDate readyOn, LocalDate goLiveOn) {
}
