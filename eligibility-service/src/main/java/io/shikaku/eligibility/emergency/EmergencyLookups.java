package io.shikaku.eligibility.emergency;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.shikaku.common.access.AccessBasis;
import io.shikaku.common.access.AccessKind;
import io.shikaku.common.access.RecordViewed;
import io.shikaku.common.access.Viewer;
import io.shikaku.common.db.DetachedDatabaseWork;
import io.shikaku.common.event.Outbox;
import io.shikaku.common.problem.ProblemException;
import io.shikaku.contract.ErrorCode;
import io.shikaku.contract.Problem;
import io.shikaku.eligibility.consent.ConsentGranted;
import io.shikaku.eligibility.disaster.Disasters;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Emergency and disaster lookups (DOMAIN.md §8): each attempt is counted against the staff member's limit and recorded
 * (never with the personal data given), then decided by the rules; one that identifies a person issues a grant for
 * the caller's facility and publishes it on {@code consents}, and the lookup on {@code record-views}, in the same
 * transaction. One transaction per attempt, serialised per staff member (an advisory lock on the subject), so the
 * limit holds across replicas.
 */
@ApplicationScoped
public class EmergencyLookups {

    static final String NO_SINGLE_MATCH = "No single insured person is identified by what was given";

    private static final String LOCK = "SELECT pg_advisory_xact_lock(hashtextextended($1, 0))";

    private static final String WINDOW = "SELECT count(*) AS attempts, min(attempted_at) AS oldest FROM emergency_lookup"
            + " WHERE viewer_subject = $1 AND attempted_at > $2 AND outcome <> 'RATE_LIMITED'";

    private static final String ATTEMPT = "INSERT INTO emergency_lookup (id, viewer_subject, facility_code, basis,"
            + " attempted_at, outcome, person_id, grant_id) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)";

    private static final String FACILITY = "SELECT emergency_terminal, prefecture FROM facility WHERE facility_code = $1";

    private static final String CARD = "SELECT c.person_id, p.viewing_suspended FROM my_number_card c"
            + " JOIN person p ON p.id = c.person_id"
            + " WHERE c.card_serial = $1 AND c.revoked_at IS NULL AND c.withdrawn_at IS NULL";

    private static final String CANDIDATES = "SELECT p.id, p.viewing_suspended, p.address,"
            + " array_agg(DISTINCT i.name) FILTER (WHERE i.name IS NOT NULL) AS insurers"
            + " FROM person p JOIN qualification q ON q.person_id = p.id"
            + " LEFT JOIN insurer i ON i.insurer_number = q.insurer_number"
            + " WHERE p.name_key = match_key($1) AND p.birth_date = $2 AND p.sex = $3 GROUP BY p.id";

    private static final String GRANT = "INSERT INTO emergency_grant (id, person_id, facility_code, basis,"
            + " viewer_subject, profession, patient_consent, disaster_id, issued_at, expires_at)"
            + " VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)";

    @Inject
    Pool db;

    @Inject
    Clock clock;

    @Inject
    Outbox outbox;

    @Inject
    Disasters disasters;

    @ConfigProperty(name = "shikaku.emergency.grant-duration", defaultValue = "PT8H")
    Duration grantDuration;

    @ConfigProperty(name = "shikaku.emergency.lookups-per-window", defaultValue = "10")
    int lookupsPerWindow;

    @ConfigProperty(name = "shikaku.emergency.window", defaultValue = "PT10M")
    Duration window;

    /** Who was identified, and under which disaster when the basis is DISASTER. */
    private record Identified(UUID personId, UUID disasterId) {
    }

    /** What an attempt came to: an answer, or the failure to answer with (after the attempt is committed). */
    private record Outcome(LookupAnswer answer, RuntimeException refusal) {

        LookupAnswer answerOrThrow() {
            if (refusal != null) {
                throw refusal;
            }
            return answer;
        }
    }

    /** Looks up a patient for licensed staff {@code staff} (facility, subject, profession). */
    public Uni<LookupAnswer> lookup(Viewer staff, EmergencyLookupRequest request) {
        Instant now = Instant.now(clock).truncatedTo(ChronoUnit.MICROS);
        String basis = request.basis() == null ? null : request.basis().name();
        return DetachedDatabaseWork.detached(db.withTransaction(tx -> limit(tx, staff, now).chain(retryAfter -> {
            if (retryAfter.isPresent()) {
                return attempt(tx, staff, basis, now, ErrorCode.RATE_LIMITED.name(), null, null)
                        .replaceWith(new Outcome(null, new RateLimited(retryAfter.getAsLong())));
            }
            return decide(tx, staff, request, now)
                    .chain(identified -> issue(tx, staff, request, identified, now))
                    .map(answer -> new Outcome(answer, null))
                    .onFailure(ProblemException.class).recoverWithUni(refused -> {
                        ProblemException problem = (ProblemException) refused;
                        return attempt(tx, staff, basis, now, problem.problem().code(), null, null)
                                .replaceWith(new Outcome(null, problem));
                    });
        }))).map(Outcome::answerOrThrow);
    }

    /** Takes the staff member's lock and counts their attempts in the window; the seconds to wait when over it. */
    private Uni<OptionalLong> limit(SqlConnection tx, Viewer staff, Instant now) {
        return tx.preparedQuery(LOCK).execute(Tuple.of("emergency-lookup:" + staff.subject()))
                .chain(() -> tx.preparedQuery(WINDOW).execute(Tuple.of(staff.subject(), utc(now.minus(window)))))
                .map(rows -> {
                    Row row = rows.iterator().next();
                    long attempts = row.getLong("attempts");
                    OffsetDateTime oldest = row.getOffsetDateTime("oldest");
                    return LookupLimit.retryAfterSeconds(attempts, oldest == null ? now : oldest.toInstant(),
                            lookupsPerWindow, window, now);
                });
    }

    private Uni<Identified> decide(SqlConnection tx, Viewer staff, EmergencyLookupRequest request, Instant now) {
        List<Problem.FieldError> problems = LookupRules.problems(request);
        if (!problems.isEmpty()) {
            return Uni.createFrom().failure(new ProblemException(Problem.validation(problems)));
        }
        return tx.preparedQuery(FACILITY).execute(Tuple.of(staff.facilityCode())).chain(rows -> {
            boolean terminal = false;
            String prefecture = staff.facilityCode().substring(0, 2);
            for (Row row : rows) {
                terminal = row.getBoolean("emergency_terminal");
                prefecture = row.getString("prefecture");
            }
            return request.basis() == LookupBasis.EMERGENCY
                    ? byCard(tx, terminal, request.cardSerial())
                    : byDisaster(tx, prefecture, request, now);
        });
    }

    private Uni<Identified> byCard(SqlConnection tx, boolean terminal, String cardSerial) {
        if (!terminal) {
            return Uni.createFrom().failure(ProblemException.forbidden(
                    "EMERGENCY lookups are made only from a facility with an emergency terminal; this facility has"
                            + " none registered"));
        }
        return tx.preparedQuery(CARD).execute(Tuple.of(cardSerial)).map(rows -> {
            for (Row row : rows) {
                if (!row.getBoolean("viewing_suspended")) {
                    return new Identified(row.getUUID("person_id"), null);
                }
            }
            throw noSingleMatch();
        });
    }

    private Uni<Identified> byDisaster(SqlConnection tx, String prefecture, EmergencyLookupRequest request,
            Instant now) {
        return disasters.covering(tx, prefecture, now).chain(disaster -> {
            if (disaster.isEmpty()) {
                return Uni.createFrom().failure(new ProblemException(ErrorCode.OUTSIDE_DISASTER_SCOPE,
                        "No declared disaster covers this facility's prefecture now"));
            }
            return tx.preparedQuery(CANDIDATES)
                    .execute(Tuple.of(request.name(), request.birthDate(), request.sex().name()))
                    .map(rows -> {
                        List<DisasterMatch.Candidate> candidates = new ArrayList<>();
                        for (Row row : rows) {
                            String[] insurers = row.getArrayOfStrings("insurers");
                            candidates.add(new DisasterMatch.Candidate(row.getUUID("id"),
                                    row.getBoolean("viewing_suspended"), row.getString("address"),
                                    insurers == null ? List.of() : Arrays.asList(insurers)));
                        }
                        Optional<UUID> person = DisasterMatch.identify(candidates, request.insurerNameOrAddress());
                        return new Identified(person.orElseThrow(EmergencyLookups::noSingleMatch), disaster.get());
                    });
        });
    }

    private Uni<LookupAnswer> issue(SqlConnection tx, Viewer staff, EmergencyLookupRequest request,
            Identified identified, Instant now) {
        UUID grantId = UUID.randomUUID();
        Instant expiresAt = now.plus(grantDuration);
        LookupBasis basis = request.basis();
        Tuple grant = Tuple.from(new Object[] {grantId, identified.personId(), staff.facilityCode(), basis.name(),
                staff.subject(), staff.profession(), request.patientConsent().name(), identified.disasterId(),
                utc(now), utc(expiresAt)});
        return tx.preparedQuery(GRANT).execute(grant)
                .chain(() -> attempt(tx, staff, basis.name(), now, "IDENTIFIED", identified.personId(), grantId))
                .chain(() -> outbox.add(tx, ConsentGranted.ofGrant(grantId, identified.personId(),
                        staff.facilityCode(), basis.name(), now, expiresAt)))
                .chain(() -> outbox.add(tx, new RecordViewed(identified.personId(), staff.facilityCode(),
                        staff.subject(), staff.profession(), AccessKind.LOOKUP, AccessBasis.valueOf(basis.name()),
                        now)))
                .replaceWith(new LookupAnswer(identified.personId(), grantId, expiresAt));
    }

    private Uni<Void> attempt(SqlConnection tx, Viewer staff, String basis, Instant now, String outcome, UUID personId,
            UUID grantId) {
        return tx.preparedQuery(ATTEMPT).execute(Tuple.from(new Object[] {UUID.randomUUID(), staff.subject(),
                staff.facilityCode(), basis, utc(now), outcome, personId, grantId})).replaceWithVoid();
    }

    private static ProblemException noSingleMatch() {
        return new ProblemException(ErrorCode.NO_SINGLE_MATCH, NO_SINGLE_MATCH);
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
