package io.shikaku.eligibility.check;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.shikaku.common.event.Outbox;
import io.shikaku.common.problem.ProblemException;
import io.shikaku.eligibility.check.CheckAnswer.QualificationView;
import io.shikaku.eligibility.facility.LiveFacilities;
import io.shikaku.eligibility.qualification.CardNumbers;
import io.shikaku.eligibility.qualification.Insurer;
import io.shikaku.eligibility.qualification.Qualification;
import io.smallrye.mutiny.Uni;

/** Confirms a qualification by insurance card numbers and records the check. */
@ApplicationScoped
public class EligibilityCheckService {

    private static final String MATCHING = "from Qualification q join fetch q.person p"
            + " where q.insurerNumber = ?1 and q.numberKey = ?2 and q.symbolKey = ?3 and q.branch = ?4"
            + " and p.birthDate = ?5";

    @Inject
    ObjectMapper json;

    @Inject
    Outbox outbox;

    @Inject
    LiveFacilities facilities;

    Clock clock = Clock.systemUTC();

    /**
     * Checks a request that {@link CheckRequest#requireCardNumbers()} has accepted, for a facility live on the visit
     * date ({@code 403 FACILITY_NOT_LIVE} otherwise).
     */
    @WithTransaction
    public Uni<CheckAnswer> check(String facilityCode, CheckRequest request) {
        return facilities.requireLiveOn(facilityCode, request.visitDate())
                .chain(() -> answerByCardNumbers(facilityCode, request));
    }

    /**
     * Resolves a card-numbers check whose fields are valid and records it, with its {@code CheckRecorded} event, in
     * the caller's transaction; the caller has made sure the facility is live on the visit date. Single checks and
     * bulk inquiries (DOMAIN.md §4) both answer through here.
     */
    public Uni<CheckAnswer> answerByCardNumbers(String facilityCode, CheckRequest request) {
        return Qualification
                .<Qualification>find(MATCHING, request.insurerNumber(), CardNumbers.key(request.number()),
                        CardNumbers.key(request.symbol()), request.branch(), request.birthDate())
                .list()
                .chain(matched -> historyOfSinglePerson(matched)
                        .map(history -> ValidityResolver.resolve(matched, history, request.visitDate())))
                .chain(resolution -> view(resolution))
                .chain(view -> record(facilityCode, request, view.resolution(), view.qualification()));
    }

    private Uni<List<Qualification>> historyOfSinglePerson(List<Qualification> matched) {
        Set<UUID> persons = ValidityResolver.persons(matched);
        if (persons.size() != 1) {
            return Uni.createFrom().item(List.of());
        }
        return Qualification.list("person.id", persons.iterator().next());
    }

    private record Shown(ValidityResolver.Resolution resolution, QualificationView qualification) {
    }

    private Uni<Shown> view(ValidityResolver.Resolution resolution) {
        Qualification q = resolution.qualification();
        if (q == null) {
            return Uni.createFrom().item(new Shown(resolution, null));
        }
        return Insurer.<Insurer>findById(q.insurerNumber)
                .map(insurer -> new Shown(resolution,
                        QualificationView.of(q, insurer == null ? null : insurer.name, false)));
    }

    private Uni<CheckAnswer> record(String facilityCode, CheckRequest request, ValidityResolver.Resolution resolution,
            QualificationView shown) {
        CheckAnswer answer = new CheckAnswer(UUID.randomUUID(), Instant.now(clock).truncatedTo(ChronoUnit.MILLIS),
                request.method(), resolution.validity(), resolution.personId(), shown, List.of(), request.reference());
        EligibilityCheck check = new EligibilityCheck();
        check.id = answer.checkId();
        check.facilityCode = facilityCode;
        check.method = answer.method();
        check.visitDate = request.visitDate();
        check.checkedAt = answer.checkedAt();
        check.validity = answer.validity();
        check.personId = answer.personId();
        check.qualificationId = resolution.qualification() == null ? null : resolution.qualification().id;
        check.reference = request.reference();
        check.answer = toJson(answer);
        return check.persist()
                .chain(() -> outbox.add(CheckRecorded.of(check)))
                .replaceWith(answer);
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
