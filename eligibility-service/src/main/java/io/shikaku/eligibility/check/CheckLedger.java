package io.shikaku.eligibility.check;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.shikaku.common.event.Outbox;
import io.shikaku.common.event.OutboxMessage;
import io.shikaku.eligibility.consent.Consent;
import io.shikaku.eligibility.consent.ConsentGranted;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.buffer.Buffer;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Records a check and its {@code CheckRecorded} outbox row in one statement, so one round trip and one implicit
 * transaction: both rows commit or neither does, and the outbox's NOTIFY trigger wakes the relay as for any insert.
 */
@ApplicationScoped
public class CheckLedger {

    static final String SQL = "WITH recorded AS (INSERT INTO eligibility_check (id, facility_code, method, visit_date,"
            + " checked_at, validity, person_id, qualification_id, reference, identity_verification, answer)"
            + " VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11))"
            + " INSERT INTO outbox (id, topic, record_key, event_type, envelope, created_at)"
            + " VALUES ($12, $13, $14, $15, $16, $17)";

    /** The check, its event, the consent given at it and the consent's event. */
    static final String WITH_CONSENT = "WITH recorded AS (INSERT INTO eligibility_check (id, facility_code, method,"
            + " visit_date, checked_at, validity, person_id, qualification_id, reference, identity_verification,"
            + " answer) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)),"
            + " check_event AS (INSERT INTO outbox (id, topic, record_key, event_type, envelope, created_at)"
            + " VALUES ($12, $13, $14, $15, $16, $17)),"
            + " consent_given AS (INSERT INTO consent (id, person_id, facility_code, medication, checkup, granted_at,"
            + " expires_at, check_id) VALUES ($18, $19, $20, $21, $22, $23, $24, $25))"
            + " INSERT INTO outbox (id, topic, record_key, event_type, envelope, created_at)"
            + " VALUES ($26, $27, $28, $29, $30, $31)";

    /**
     * A NOT_FOUND check, its event, and the count of it in the facility's window for the numbers (README "Sweeps"): one
     * statement still, so counting costs no round trip; the window becomes a sweep when it reaches the threshold.
     */
    static final String NOT_FOUND = "WITH recorded AS (INSERT INTO eligibility_check (id, facility_code, method,"
            + " visit_date, checked_at, validity, person_id, qualification_id, reference, identity_verification,"
            + " answer) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)),"
            + " counted AS (INSERT INTO check_sweep (facility_code, numbers_hash, first_at, last_at, attempts, swept_at)"
            + " VALUES ($2, $18, $19, $5, 1, CASE WHEN $20::integer <= 1 THEN $5 END)"
            + " ON CONFLICT (facility_code, numbers_hash, first_at) DO UPDATE SET attempts = check_sweep.attempts + 1,"
            + " last_at = greatest(check_sweep.last_at, excluded.last_at), swept_at = coalesce(check_sweep.swept_at,"
            + " CASE WHEN check_sweep.attempts + 1 >= $20::integer THEN excluded.last_at END))"
            + " INSERT INTO outbox (id, topic, record_key, event_type, envelope, created_at)"
            + " VALUES ($12, $13, $14, $15, $16, $17)";

    @Inject
    Outbox outbox;

    /** Writes the check row and its event on {@code db}, in a statement of its own (or in the caller's transaction). */
    public Uni<Void> record(SqlConnection db, EligibilityCheck check) {
        return db.preparedQuery(SQL).execute(parameters(check)).replaceWithVoid();
    }

    /**
     * Writes a NOT_FOUND check by card numbers and its event, and counts it in the facility's window for the numbers
     * ({@code numbersHash}) starting at {@code windowStart}, which becomes a sweep at {@code threshold}.
     */
    public Uni<Void> recordNotFound(SqlConnection db, EligibilityCheck check, byte[] numbersHash, Instant windowStart,
            int threshold) {
        Tuple tuple = parameters(check).addBuffer(Buffer.buffer(numbersHash))
                .addValue(windowStart.atOffset(ZoneOffset.UTC)).addValue(threshold);
        return db.preparedQuery(NOT_FOUND).execute(tuple).replaceWithVoid();
    }

    /**
     * Writes a card check, the consent given at it and both events in one statement (one implicit transaction): the
     * consent exists exactly when its check does.
     */
    public Uni<Void> recordWithConsent(SqlConnection db, EligibilityCheck check, Consent consent) {
        OutboxMessage event = outbox.message(ConsentGranted.of(consent));
        Tuple tuple = parameters(check);
        tuple.addValue(consent.id).addValue(consent.personId).addValue(consent.facilityCode)
                .addValue(consent.medication).addValue(consent.checkup)
                .addValue(consent.grantedAt.atOffset(ZoneOffset.UTC))
                .addValue(consent.expiresAt.atOffset(ZoneOffset.UTC))
                .addValue(consent.checkId).addValue(event.id).addValue(event.topic).addValue(event.recordKey)
                .addValue(event.eventType).addValue(event.envelope).addValue(event.createdAt.atOffset(ZoneOffset.UTC));
        return db.preparedQuery(WITH_CONSENT).execute(tuple).replaceWithVoid();
    }

    /** Writes many checks with their events in one batch (one round trip), in the caller's transaction. */
    public Uni<Void> recordAll(SqlConnection db, List<EligibilityCheck> checks) {
        if (checks.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return db.preparedQuery(SQL).executeBatch(checks.stream().map(this::parameters).toList()).replaceWithVoid();
    }

    private Tuple parameters(EligibilityCheck check) {
        OutboxMessage event = outbox.message(CheckRecorded.of(check));
        return Tuple.from(new Object[] {check.id, check.facilityCode, check.method.name(), check.visitDate,
                check.checkedAt.atOffset(ZoneOffset.UTC), check.validity.name(), check.personId,
                check.qualificationId, check.reference,
                check.identityVerification == null ? null : check.identityVerification.name(), check.answer, event.id,
                event.topic, event.recordKey, event.eventType, event.envelope,
                event.createdAt.atOffset(ZoneOffset.UTC)});
    }
}
