package io.shikaku.facility.master;

import java.time.LocalDate;

import jakarta.validation.constraints.NotNull;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The bodies of the lifecycle steps (API.md "Facilities and statistics"). */
public final class LifecycleRequests {

    private LifecycleRequests() {
    }

    /** The portal account; {@code registeredOn} defaults to today. */
    @Schema(name = "AccountRegistration")
    public record Account(LocalDate registeredOn) {
    }

    @Schema(name = "ReaderApplication")
    public record ReaderApplication(@NotNull Integer readers, @NotNull LocalDate appliedOn) {
    }

    @Schema(name = "Readiness")
    public record Readiness(@NotNull LocalDate readyOn) {
    }

    @Schema(name = "GoLive")
    public record GoLive(@NotNull LocalDate goLiveOn) {
    }

    @Schema(name = "EmergencyTerminal")
    public record EmergencyTerminal(@NotNull Boolean enabled) {
    }
}
