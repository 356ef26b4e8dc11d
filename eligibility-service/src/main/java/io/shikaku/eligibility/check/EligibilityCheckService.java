package io.shikaku.eligibility.check;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.shikaku.common.db.DetachedDatabaseWork;
import io.shikaku.common.problem.ProblemException;
import io.shikaku.eligibility.card.CardAcceptance;
import io.shikaku.eligibility.check.CheckAnswer.ConsentView;
import io.shikaku.eligibility.check.CheckAnswer.QualificationView;
import io.shikaku.eligibility.consent.Consent;
import io.shikaku.eligibility.consent.ConsentRule;
import io.shikaku.eligibility.facility.LiveFacilities;
import io.shikaku.eligibility.qualification.Qualification;
import io.shikaku.eligibility.sweep.SweepRefused;
import io.shikaku.eligibility.sweep.SweepRule;
import io.shikaku.eligibility.sweep.SweepSettings;
import io.shikaku.eligibility.sweep.Sweeps;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;

/** Confirms a qualification by insurance card numbers or by My Number card and records the check. */
@ApplicationScoped
public class EligibilityCheckService {

    @Inject
    ObjectMapper json;

    @Inject
    Clock clock;

    @Inject
    Pool pool;

    @Inject
    CardNumberLookup lookup;

    @Inject
    CheckLedger ledger;

    @Inject
    CardHolderLookup cardHolders;

    @Inject
    CheckCounter counter;

    @Inject
    SweepSettings sweeps;

    @Inject
    Sweeps sweepRecords;

    /**
     * Checks a request that {@link CheckRequest#requireComplete()} has accepted, for a facility live on the visit date
     * ({@code 403 FACILITY_NOT_LIVE} otherwise).
     */
    public Uni<CheckAnswer> check(String facilityCode, CheckRequest request) {
        return DetachedDatabaseWork.detached(request.method() == CheckMethod.MY_NUMBER_CARD
                ? pool.withConnection(db -> checkByCard(db, facilityCode, request))
                : checkByCardNumbers(facilityCode, request));
    }

    /**
     * The hot path (issue 8): a single check by card numbers in one transaction on one pooled connection: the lock of
     * the numbers' sweep window and one read ({@link CardNumberLookup}), one write of the check with its event
     * ({@link CheckLedger}), which for a NOT_FOUND also counts it towards a sweep (README "Sweeps"). The lock makes
     * checks of the same numbers from the same facility read and count the window one after another, so that a burst
     * of them at once is refused from the threshold on as a sequence would be. Read committed; a facility not live
     * reads and writes nothing more. A check of numbers this facility is sweeping is refused ({@link SweepRefused})
     * and only its refusal counted.
     */
    private Uni<CheckAnswer> checkByCardNumbers(String facilityCode, CheckRequest request) {
        return pool.withTransaction(db -> lookup.find(db, facilityCode, request).chain(found -> {
            LiveFacilities.requireLive(found.goLiveOn(), request.visitDate());
            SweepRule.Verdict verdict = SweepRule.judge(found.streak(), sweeps.threshold(), sweeps.window(), now());
            if (verdict.refused()) {
                return sweepRecords.refused(db, facilityCode, found.numbersHash(), verdict.windowStart(), now())
                        .replaceWith(Outcome.refused(verdict.retryAfterSeconds()));
            }
            Decided decided = decide(facilityCode, request, found);
            Uni<Void> recorded = decided.answer().validity() == Validity.NOT_FOUND
                    ? ledger.recordNotFound(db, decided.check(), found.numbersHash(), verdict.windowStart(),
                            sweeps.threshold())
                    : ledger.record(db, decided.check());
            return recorded.replaceWith(Outcome.answered(decided.answer(), found.facilityType()));
        })).map(outcome -> {
            if (outcome.answer() == null) {
                throw new SweepRefused(outcome.retryAfterSeconds());
            }
            counter.recorded(outcome.answer().method(), outcome.facilityType(), outcome.answer().validity());
            return outcome.answer();
        });
    }

    /**
     * What a card-numbers check's transaction ends with: an answer, or a refusal whose count must commit (so it is not
     * a failure inside the transaction).
     */
    private record Outcome(CheckAnswer answer, String facilityType, long retryAfterSeconds) {

        static Outcome answered(CheckAnswer answer, String facilityType) {
            return new Outcome(answer, facilityType, 0);
        }

        static Outcome refused(long retryAfterSeconds) {
            return new Outcome(null, null, retryAfterSeconds);
        }
    }

    /** A card-numbers check answered from what {@link CardNumberLookup} found, and the check that records it. */
    public record Decided(CheckAnswer answer, EligibilityCheck check) {
    }

    /**
     * Answers a card-numbers check whose fields are valid from what {@link CardNumberLookup} found (the facility's
     * go-live is the caller's to enforce): single checks and bulk inquiries (DOMAIN.md §4) both answer through here;
     * the caller records {@link Decided#check()} with {@link CheckLedger}.
     */
    public Decided decide(String facilityCode, CheckRequest request, CardNumberLookup.Found found) {
        ValidityResolver.Resolution resolution = ValidityResolver.resolve(found.matched(), found.history(),
                request.visitDate());
        Qualification q = resolution.qualification();
        Shown shown = new Shown(resolution,
                q == null ? null : QualificationView.of(q, found.insurerNames().get(q.insurerNumber), false));
        CheckAnswer answer = answer(request, shown, null, List.of());
        return new Decided(answer,
                EligibilityCheck.of(facilityCode, request, q == null ? null : q.id, answer, toJson(answer)));
    }

    /**
     * A check by My Number card (DOMAIN.md §4), in two statements like the card-numbers path: one read
     * ({@link CardHolderLookup}), one write of the check, the consent and their events ({@link CheckLedger}). The card
     * must be known, not revoked, not expired on the visit date and registered for insurance use (422 with the
     * matching code, in that order); the holder's qualification is resolved, and the consent given on the reader is
     * recorded for 24 hours, unless the holder's viewing is suspended.
     */
    private Uni<CheckAnswer> checkByCard(SqlConnection db, String facilityCode, CheckRequest request) {
        return cardHolders.find(db, facilityCode, request.cardSerial()).chain(found -> {
            LiveFacilities.requireLive(found.goLiveOn(), request.visitDate());
            CardAcceptance.refusal(found.card(), request.visitDate()).ifPresent(refusal -> {
                throw new ProblemException(refusal, CardAcceptance.detail(refusal));
            });
            ValidityResolver.Resolution resolution = ValidityResolver.resolveForPerson(found.holderId(),
                    found.history(), request.visitDate());
            Qualification q = resolution.qualification();
            boolean limitCategory = request.consentOrNone().limitCategory() && !found.viewingSuspended();
            Shown shown = new Shown(resolution, q == null
                    ? null
                    : QualificationView.of(q, found.insurerNames().get(q.insurerNumber), limitCategory));
            return answerForHolder(db, facilityCode, request, found, shown);
        });
    }

    private Uni<CheckAnswer> answerForHolder(SqlConnection db, String facilityCode, CheckRequest request,
            CardHolderLookup.Found holder, Shown shown) {
        ConsentChoice choice = request.consentOrNone();
        UUID checkId = UUID.randomUUID();
        Instant checkedAt = now();
        List<String> notes = new ArrayList<>();
        if (shown.resolution().validity() == Validity.VALID
                && CardAcceptance.expiresSoon(holder.card().validUntil(), request.visitDate())) {
            notes.add(CardAcceptance.EXPIRES_SOON);
        }
        boolean identified = shown.resolution().personId() != null;
        boolean asked = choice.medication() || choice.checkup();
        Consent consent = identified && ConsentRule.recorded(choice.medication(), choice.checkup(),
                holder.viewingSuspended())
                        ? Consent.of(holder.holderId(), facilityCode, choice.medication(), choice.checkup(),
                                checkedAt, checkId)
                        : null;
        if (identified && asked && holder.viewingSuspended()) {
            notes.add(ConsentRule.LINKAGE_UNDER_REVIEW);
        }
        ConsentView consentView = consent == null
                ? ConsentView.NONE
                : new ConsentView(consent.medication, consent.checkup, consent.expiresAt);
        CheckAnswer answer = new CheckAnswer(checkId, checkedAt, request.method(), shown.resolution().validity(),
                shown.resolution().personId(), shown.qualification(), consentView, List.copyOf(notes),
                request.reference());
        Qualification q = shown.resolution().qualification();
        EligibilityCheck check = EligibilityCheck.of(facilityCode, request, q == null ? null : q.id, answer,
                toJson(answer));
        return (consent == null ? ledger.record(db, check) : ledger.recordWithConsent(db, check, consent))
                .replaceWith(answer)
                .invoke(() -> counter.recorded(answer.method(), holder.facilityType(), answer.validity()));
    }

    private record Shown(ValidityResolver.Resolution resolution, QualificationView qualification) {
    }

    private CheckAnswer answer(CheckRequest request, Shown shown, ConsentView consent, List<String> notes) {
        return new CheckAnswer(UUID.randomUUID(), now(), request.method(), shown.resolution().validity(),
                shown.resolution().personId(), shown.qualification(), consent, notes, request.reference());
    }

    private Instant now() {
        return Instant.now(clock).truncatedTo(ChronoUnit.MILLIS);
    }

    /** The recorded answer of a check, only for the facility that made it. */
    @WithTransaction
    public Uni<CheckAnswer> recorded(String facilityCode, UUID checkId) {
        return EligibilityCheck.<EligibilityCheck>findById(checkId).map(check -> {
            if (check == null || !check.facilityCode.equals(facilityCode)) {
                throw ProblemException.notFound("No such check for this facility");
            }
            return fromJson(check.answer);
        });
    }

    private CheckAnswer fromJson(String answer) {
        try {
            return json.readValue(answer, CheckAnswer.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A recorded check answer could not be read", e);
        }
    }

    private String toJson(CheckAnswer answer) {
        try {
            return json.writeValueAsString(answer);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A check answer could not be written as JSON", e);
        }
    }
}
