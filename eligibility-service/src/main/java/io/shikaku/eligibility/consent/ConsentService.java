package io.shikaku.eligibility.consent;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.shikaku.common.event.Outbox;
import io.shikaku.common.problem.ProblemException;
import io.smallrye.mutiny.Uni;

/** Records consents given at card checks with their {@code ConsentGranted} event, and answers which one is live. */
@ApplicationScoped
public class ConsentService {

    @Inject
    Outbox outbox;

    @Inject
    Clock clock;

    /** Records the consent and its event in the caller's transaction (the card check's). */
    public Uni<Consent> grant(Consent consent) {
        return consent.persist().chain(() -> outbox.add(ConsentGranted.of(consent))).replaceWith(consent);
    }

    /**
     * The facility's newest consent for the person that is live now; {@code 404} when there is none, whether or not
     * the person exists, and while the person's viewing is suspended (a linkage in doubt since the consent was given).
     */
    @WithTransaction
    public Uni<LiveConsent> live(String facilityCode, UUID personId) {
        Instant now = Instant.now(clock);
        return Consent.<Consent>find("facilityCode = ?1 and personId = ?2 and expiresAt > ?3 and not exists"
                + " (from Person p where p.id = ?2 and p.viewingSuspended = true) order by grantedAt desc",
                facilityCode, personId, now).firstResult().map(consent -> {
                    if (consent == null || !ConsentRule.isLive(consent.expiresAt, now)) {
                        throw ProblemException.notFound("No live consent of this person for this facility");
                    }
                    return LiveConsent.of(consent);
                });
    }
}
