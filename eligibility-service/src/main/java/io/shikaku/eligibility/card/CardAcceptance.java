package io.shikaku.eligibility.card;

import java.time.LocalDate;
import java.util.Optional;

import io.shikaku.contract.DomainRule;
import io.shikaku.contract.ErrorCode;

/**
 * Whether a card put on a reader may confirm a qualification on the visit date (DOMAIN.md §3, §4; API.md 422 codes),
 * checked in this order: unknown, revoked (lost), expired on the visit date, registration for insurance use withdrawn.
 * A card valid until a day is still valid on that day. It "expires soon" (note {@code CARD_EXPIRES_SOON}) when its
 * last valid day is on or before the visit date plus three months (calendar months, clamped to the month's end).
 */
@DomainRule
public final class CardAcceptance {

    /** The note a valid answer carries when the card expires within three months of the visit date. */
    public static final String EXPIRES_SOON = "CARD_EXPIRES_SOON";

    /** A registered card's state, as read for a check. */
    public record CardState(boolean revoked, boolean withdrawn, LocalDate validUntil) {
    }

    private CardAcceptance() {
    }

    /** Why the card is refused, or empty when it may check; {@code card} is null when the serial is unknown. */
    public static Optional<ErrorCode> refusal(CardState card, LocalDate visitDate) {
        if (card == null) {
            return Optional.of(ErrorCode.CARD_UNKNOWN);
        }
        if (card.revoked()) {
            return Optional.of(ErrorCode.CARD_REVOKED);
        }
        if (card.validUntil().isBefore(visitDate)) {
            return Optional.of(ErrorCode.CARD_EXPIRED);
        }
        if (card.withdrawn()) {
            return Optional.of(ErrorCode.CARD_NOT_REGISTERED);
        }
        return Optional.empty();
    }

    /** Whether a card valid until {@code validUntil} expires within three months of {@code visitDate}. */
    public static boolean expiresSoon(LocalDate validUntil, LocalDate visitDate) {
        return !validUntil.isAfter(visitDate.plusMonths(3));
    }

    /** The problem detail for a refusal: names the card's state, never the person. */
    public static String detail(ErrorCode refusal) {
        return switch (refusal) {
            case CARD_UNKNOWN -> "No My Number card with this serial is known";
            case CARD_REVOKED -> "This My Number card has been revoked (reported lost)";
            case CARD_EXPIRED -> "This My Number card has expired on the visit date";
            case CARD_NOT_REGISTERED -> "This My Number card is not registered for use as an insurance card";
            default -> refusal.title();
        };
    }
}
