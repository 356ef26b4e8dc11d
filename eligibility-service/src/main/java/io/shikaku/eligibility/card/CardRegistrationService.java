package io.shikaku.eligibility.card;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.hibernate.exception.ConstraintViolationException;

import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.shikaku.common.json.CalendarDates;
import io.shikaku.common.problem.ProblemException;
import io.shikaku.contract.ErrorCode;
import io.shikaku.eligibility.mynumber.MyNumberHasher;
import io.shikaku.eligibility.qualification.Person;
import io.smallrye.mutiny.Uni;
import io.vertx.pgclient.PgException;

/**
 * Registers My Number cards for use as an insurance card, revokes lost ones and withdraws registrations (DOMAIN.md §3,
 * API.md "Cards and insurers"). The card goes to the person whose insurer linked its My Number; a patient registers
 * only for themself, and a My Number linked to nobody or to someone else is answered alike, {@code 422
 * MY_NUMBER_NOT_LINKED}, so that a patient learns nothing about other people's numbers.
 */
@ApplicationScoped
public class CardRegistrationService {

    private static final String UNIQUE_VIOLATION = "23505";

    private static final String NOT_LINKED = "No insurer has linked this My Number to your insurance records";

    @Inject
    MyNumberHasher hasher;

    @Inject
    Clock clock;

    /** Registers (or registers again) a card; the registration as answered. */
    @WithTransaction
    public Uni<CardRegistration> register(Registrar registrar, CardRegistrationRequest request) {
        LocalDate today = LocalDate.now(clock.withZone(CalendarDates.JAPAN));
        if (request.validUntil().isBefore(today)) {
            throw ProblemException.invalidField("validUntil", "must not be in the past");
        }
        String hash = hasher.hash(request.myNumber());
        return Person.<Person>find("myNumberHash", hash).firstResult().chain(person -> {
            if (person == null || registrar.isPatient() && !registrar.personId().equals(person.id)) {
                throw new ProblemException(ErrorCode.MY_NUMBER_NOT_LINKED, NOT_LINKED);
            }
            return MyNumberCard.<MyNumberCard>findById(request.cardSerial())
                    .chain(existing -> registerCard(registrar, request, hash, person.id, existing, today));
        }).map(card -> CardRegistration.of(card, registrar.isPatient()));
    }

    private Uni<MyNumberCard> registerCard(Registrar registrar, CardRegistrationRequest request, String hash,
            UUID personId, MyNumberCard existing, LocalDate today) {
        RegistrationRule.Known known = existing == null
                ? null
                : new RegistrationRule.Known(existing.myNumberHash.equals(hash), existing.revokedAt != null,
                        existing.withdrawnAt != null, existing.validUntil);
        switch (RegistrationRule.decide(known, today)) {
            case REVOKED -> throw new ProblemException(ErrorCode.CARD_REVOKED,
                    "This card was revoked (reported lost) and cannot be registered again");
            case ALREADY_REGISTERED -> throw alreadyRegistered();
            default -> {
                // NEW or REGISTER_AGAIN
            }
        }
        MyNumberCard card = existing == null ? new MyNumberCard() : existing;
        card.cardSerial = request.cardSerial();
        card.personId = personId;
        card.myNumberHash = hash;
        card.validUntil = request.validUntil();
        card.registeredAt = Instant.now(clock).truncatedTo(ChronoUnit.MILLIS);
        card.registeredByPerson = registrar.personId();
        card.registeredByFacility = registrar.facilityCode();
        card.withdrawnAt = null;
        if (existing != null) {
            return Uni.createFrom().item(card);
        }
        return card.persistAndFlush().replaceWith(card)
                .onFailure(CardRegistrationService::isUniqueViolation).transform(e -> alreadyRegistered());
    }

    private static ProblemException alreadyRegistered() {
        return new ProblemException(ErrorCode.CARD_ALREADY_REGISTERED,
                "This card is already registered for use as an insurance card");
    }

    /** The same serial registered by a concurrent request that committed first. */
    private static boolean isUniqueViolation(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof PgException pg && UNIQUE_VIOLATION.equals(pg.getSqlState())
                    || t instanceof ConstraintViolationException c && UNIQUE_VIOLATION.equals(c.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    /** Revokes the patient's own card (lost): refused for ever after; 404 for anyone else's or an unknown one. */
    @WithTransaction
    public Uni<Void> revoke(UUID personId, String cardSerial) {
        return ownCard(personId, cardSerial).invoke(card -> {
            if (card.revokedAt == null) {
                card.revokedAt = Instant.now(clock).truncatedTo(ChronoUnit.MILLIS);
            }
        }).replaceWithVoid();
    }

    /**
     * Withdraws the patient's own card's registration for insurance use (利用登録の解除): the card is refused with
     * {@code CARD_NOT_REGISTERED} until it is registered again; a revoked card is {@code CARD_REVOKED}.
     */
    @WithTransaction
    public Uni<Void> withdraw(UUID personId, String cardSerial) {
        return ownCard(personId, cardSerial).invoke(card -> {
            if (card.revokedAt != null) {
                throw new ProblemException(ErrorCode.CARD_REVOKED, "This card was revoked (reported lost)");
            }
            if (card.withdrawnAt == null) {
                card.withdrawnAt = Instant.now(clock).truncatedTo(ChronoUnit.MILLIS);
            }
        }).replaceWithVoid();
    }

    /** The patient's own card; 404 for anyone else's or an unknown one. */
    @WithTransaction
    public Uni<CardView> own(UUID personId, String cardSerial) {
        return ownCard(personId, cardSerial).map(CardView::of);
    }

    private Uni<MyNumberCard> ownCard(UUID personId, String cardSerial) {
        if (!CardSerial.isValid(cardSerial)) {
            return Uni.createFrom().failure(ProblemException.notFound("No such card of yours"));
        }
        return MyNumberCard.<MyNumberCard>findById(cardSerial).map(card -> {
            if (card == null || !card.personId.equals(personId)) {
                throw ProblemException.notFound("No such card of yours");
            }
            return card;
        });
    }
}
