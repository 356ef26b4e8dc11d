package io.shikaku.eligibility.card;

import java.time.LocalDate;

import io.shikaku.contract.DomainRule;

/**
 * What registering a card serial for insurance use does when the serial may already be known (DOMAIN.md §3; API.md
 * "Cards and insurers"): a revoked serial is never registered again ({@code CARD_REVOKED}); a serial registered with
 * another My Number is taken ({@code CARD_ALREADY_REGISTERED}, whatever its state); the same card's withdrawn or
 * expired registration is registered again; one still in force is {@code CARD_ALREADY_REGISTERED}.
 */
@DomainRule
public final class RegistrationRule {

    /** The outcome of a registration. */
    public enum Outcome {
        NEW,
        REGISTER_AGAIN,
        ALREADY_REGISTERED,
        REVOKED
    }

    /** The known card's state: whether it was registered with the same My Number, revoked, withdrawn, valid until. */
    public record Known(boolean sameMyNumber, boolean revoked, boolean withdrawn, LocalDate validUntil) {
    }

    private RegistrationRule() {
    }

    /** {@code known} is null for a serial never seen; {@code today} is Japan's date. */
    public static Outcome decide(Known known, LocalDate today) {
        if (known == null) {
            return Outcome.NEW;
        }
        if (known.revoked()) {
            return Outcome.REVOKED;
        }
        if (!known.sameMyNumber()) {
            return Outcome.ALREADY_REGISTERED;
        }
        if (known.withdrawn() || known.validUntil().isBefore(today)) {
            return Outcome.REGISTER_AGAIN;
        }
        return Outcome.ALREADY_REGISTERED;
    }
}
