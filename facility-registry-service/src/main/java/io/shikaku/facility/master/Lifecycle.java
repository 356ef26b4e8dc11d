package io.shikaku.facility.master;

import java.time.LocalDate;

import io.shikaku.contract.DomainRule;

/**
 * The onboarding lifecycle (DOMAIN.md §9): account → reader application → ready → live from the go-live date, each
 * step once and in order, each keeping its date; the go-live date may be moved until the facility is live.
 */
@DomainRule
public final class Lifecycle {

    private Lifecycle() {
    }

    /** A step that the lifecycle does not allow now (a 409 for the caller). */
    public static final class StepRefused extends RuntimeException {
        public StepRefused(String message) {
            super(message, null, false, false);
        }
    }

    /** A step's input that can never be right (a 400 for the caller), naming the field. */
    public static final class InvalidStep extends RuntimeException {
        private final String field;

        public InvalidStep(String field, String message) {
            super(message, null, false, false);
            this.field = field;
        }

        public String field() {
            return field;
        }
    }

    /** The stage reached on {@code day}: the last step whose date is not after it. */
    public static Stage stageOn(LifecycleDates dates, LocalDate day) {
        if (reached(dates.goLiveOn(), day)) {
            return Stage.LIVE;
        }
        if (reached(dates.readyOn(), day)) {
            return Stage.READY;
        }
        if (reached(dates.readerAppliedOn(), day)) {
            return Stage.READER_APPLIED;
        }
        if (reached(dates.accountRegisteredOn(), day)) {
            return Stage.ACCOUNT_REGISTERED;
        }
        return Stage.REGISTERED;
    }

    private static boolean reached(LocalDate step, LocalDate day) {
        return step != null && !step.isAfter(day);
    }

    /** The portal account registered on {@code on}; once only. */
    public static LifecycleDates registerAccount(LifecycleDates dates, LocalDate on, LocalDate today) {
        notInFuture("registeredOn", on, today);
        if (dates.accountRegisteredOn() != null) {
            throw new StepRefused("The account is already registered");
        }
        return new LifecycleDates(on, null, null, null, null);
    }

    /** Card readers applied for on {@code on}, after the account; once only; 1–3 for a hospital, else 1. */
    public static LifecycleDates applyForReaders(LifecycleDates dates, FacilityType type, int readers, LocalDate on,
            LocalDate today) {
        if (readers < 1 || readers > type.maxReaders()) {
            throw new InvalidStep("readers", type == FacilityType.HOSPITAL
                    ? "must be 1 to 3 for a hospital"
                    : "must be 1 for a " + type.name().toLowerCase().replace('_', ' '));
        }
        notInFuture("appliedOn", on, today);
        if (dates.accountRegisteredOn() == null) {
            throw new StepRefused("The account must be registered before readers are applied for");
        }
        if (dates.readerAppliedOn() != null) {
            throw new StepRefused("Readers are already applied for");
        }
        notBefore(on, dates.accountRegisteredOn(), "the account registration");
        return new LifecycleDates(dates.accountRegisteredOn(), on, readers, null, null);
    }

    /** Preparation complete on {@code on}, after the reader application; once only. */
    public static LifecycleDates markReady(LifecycleDates dates, LocalDate on, LocalDate today) {
        notInFuture("readyOn", on, today);
        if (dates.readerAppliedOn() == null) {
            throw new StepRefused("Readers must be applied for before the facility is ready");
        }
        if (dates.readyOn() != null) {
            throw new StepRefused("The facility is already ready");
        }
        notBefore(on, dates.readerAppliedOn(), "the reader application");
        return new LifecycleDates(dates.accountRegisteredOn(), dates.readerAppliedOn(), dates.readersApplied(), on,
                null);
    }

    /** The go-live date, once ready and not before the ready date; it may change until the facility is live. */
    public static LifecycleDates setGoLive(LifecycleDates dates, LocalDate on, LocalDate today) {
        if (dates.readyOn() == null) {
            throw new StepRefused("The facility must be ready before it registers a go-live date");
        }
        if (dates.goLiveOn() != null && !dates.goLiveOn().isAfter(today)) {
            throw new StepRefused("The facility is live since its go-live date; the date can no longer change");
        }
        notBefore(on, dates.readyOn(), "the ready date");
        return new LifecycleDates(dates.accountRegisteredOn(), dates.readerAppliedOn(), dates.readersApplied(),
                dates.readyOn(), on);
    }

    private static void notInFuture(String field, LocalDate on, LocalDate today) {
        if (on.isAfter(today)) {
            throw new InvalidStep(field, "must not be in the future");
        }
    }

    private static void notBefore(LocalDate on, LocalDate earlier, String what) {
        if (on.isBefore(earlier)) {
            throw new StepRefused("The date must not be before " + what + " (" + earlier + ")");
        }
    }
}
