package io.shikaku.eligibility.consent;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.shikaku.common.db.DetachedDatabaseWork;
import io.shikaku.common.event.Outbox;
import io.shikaku.common.problem.ProblemException;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Records consents given at card checks with their {@code ConsentGranted} event, and answers which consent or
 * emergency/disaster grant of a facility is live (the viewing services' synchronous fallback).
 */
@ApplicationScoped
public class ConsentService {

    /**
     * A consent given at a card check, or a grant issued by an emergency or disaster lookup (which covers both kinds),
     * the newest first.
     */
    private static final String LIVE = "SELECT basis, medication, checkup, granted_at, expires_at FROM ("
            + " SELECT 'CONSENT' AS basis, medication, checkup, granted_at, expires_at FROM consent"
            + " WHERE facility_code = $1 AND person_id = $2 AND expires_at > $3"
            + " UNION ALL SELECT basis, true, true, issued_at, expires_at FROM emergency_grant"
            + " WHERE facility_code = $1 AND person_id = $2 AND expires_at > $3) AS live"
            + " WHERE NOT EXISTS (SELECT 1 FROM person p WHERE p.id = $2 AND p.viewing_suspended)"
            + " ORDER BY granted_at DESC LIMIT 1";

    @Inject
    Outbox outbox;

    @Inject
    Pool db;

    @Inject
    Clock clock;

    /** Records the consent and its event in the caller's transaction (the card check's). */
    public Uni<Consent> grant(Consent consent) {
        return consent.persist().chain(() -> outbox.add(ConsentGranted.of(consent))).replaceWith(consent);
    }

    /**
     * The facility's newest consent or emergency/disaster grant for the person that is live now; {@code 404} when there
     * is none, whether or not the person exists, and while the person's viewing is suspended (a linkage in doubt since
     * it was given).
     */
    public Uni<LiveConsent> live(String facilityCode, UUID personId) {
        Instant now = Instant.now(clock);
        return DetachedDatabaseWork.detached(db.preparedQuery(LIVE)
                .execute(Tuple.of(facilityCode, personId, now.atOffset(ZoneOffset.UTC)))).map(rows -> {
                    for (Row row : rows) {
                        Instant expiresAt = row.getOffsetDateTime("expires_at").toInstant();
                        if (ConsentRule.isLive(expiresAt, now)) {
                            return new LiveConsent(row.getBoolean("medication"), row.getBoolean("checkup"),
                                    row.getOffsetDateTime("granted_at").toInstant(), expiresAt,
                                    row.getString("basis"));
                        }
                    }
                    throw ProblemException.notFound("No live consent of this person for this facility");
                });
    }
}
