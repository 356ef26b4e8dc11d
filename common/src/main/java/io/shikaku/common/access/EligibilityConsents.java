package io.shikaku.common.access;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;

import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.WebClientOptions;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.ext.web.client.WebClient;

/**
 * Reads a caller's own write across services (DESIGN.md, Events): a view right after the card check that granted
 * consent (or the emergency or disaster lookup that issued a grant, answered with its basis) finds no projected consent
 * yet, since the {@code consents} event is asynchronous. On such a miss the eligibility
 * service is asked synchronously ({@code GET /api/v1/eligibility/consents/{personId}}) with the caller's own bearer
 * token, so eligibility applies its own role and binding rules, and a live answer is kept until the consent expires
 * (by the injected clock). A 404, 401 or 403 is no consent (not kept); eligibility down, slow or failing is {@code 503}
 * with {@code Retry-After} ({@link EligibilityUnavailable}).
 */
@ApplicationScoped
public class EligibilityConsents {

    private static final Logger LOG = Logger.getLogger(EligibilityConsents.class);
    private static final String PATH = "/api/v1/eligibility/consents/";

    @Inject
    Vertx vertx;

    @Inject
    Clock clock;

    @ConfigProperty(name = "shikaku.eligibility.url", defaultValue = "http://localhost:8081")
    String eligibilityUrl;

    @ConfigProperty(name = "shikaku.eligibility.timeout", defaultValue = "3s")
    Duration timeout;

    @ConfigProperty(name = "shikaku.access.consent-cache.max-size", defaultValue = "100000")
    long maxSize;

    private WebClient client;
    private Cache<Key, Grant> answers;

    /** Whose consent, for which facility. */
    private record Key(String facilityCode, UUID personId) {
    }

    @PostConstruct
    void init() {
        client = WebClient.create(vertx, new WebClientOptions().setConnectTimeout((int) timeout.toMillis())
                .setIdleTimeout(60));
        answers = Caffeine.newBuilder().maximumSize(maxSize).expireAfter(new Expiry<Key, Grant>() {
            @Override
            public long expireAfterCreate(Key key, Grant grant, long currentTime) {
                return Math.max(0, Duration.between(Instant.now(clock), grant.expiresAt()).toNanos());
            }

            @Override
            public long expireAfterUpdate(Key key, Grant grant, long currentTime, long currentDuration) {
                return expireAfterCreate(key, grant, currentTime);
            }

            @Override
            public long expireAfterRead(Key key, Grant grant, long currentTime, long currentDuration) {
                return currentDuration;
            }
        }).build();
    }

    /**
     * The facility's live consent for the person as eligibility answers it now, or empty; a kept answer that covers
     * {@code kind} is given without asking (one that does not may have been replaced by a newer consent that does).
     */
    public Uni<Optional<Grant>> live(Viewer viewer, UUID personId, AccessKind kind) {
        Key key = new Key(viewer.facilityCode(), personId);
        Grant kept = answers.getIfPresent(key);
        if (kept != null && kept.covers(kind) && Instant.now(clock).isBefore(kept.expiresAt())) {
            return Uni.createFrom().item(Optional.of(kept));
        }
        if (viewer.bearerToken() == null) {
            return Uni.createFrom().item(Optional.empty());
        }
        return client.getAbs(eligibilityUrl + PATH + personId)
                .putHeader("Authorization", "Bearer " + viewer.bearerToken())
                .putHeader("Accept", "application/json")
                .timeout(timeout.toMillis())
                .send()
                .onFailure().transform(failure -> {
                    LOG.warnf("Eligibility could not be asked for a consent: %s", failure.getClass().getName());
                    return new EligibilityUnavailable.Failure(failure.getClass().getName());
                })
                .map(response -> {
                    if (response.statusCode() == 200) {
                        Grant grant = grantOf(response.bodyAsString());
                        if (Instant.now(clock).isBefore(grant.expiresAt())) {
                            answers.put(key, grant);
                        }
                        return Optional.of(grant);
                    }
                    if (response.statusCode() == 404 || response.statusCode() == 401
                            || response.statusCode() == 403) {
                        return Optional.<Grant>empty();
                    }
                    LOG.warnf("Eligibility answered %d when asked for a consent", response.statusCode());
                    throw new EligibilityUnavailable.Failure("status " + response.statusCode());
                });
    }

    /**
     * The consent (or emergency or disaster grant, by its {@code basis}) eligibility answered; an answer that is not
     * one is eligibility in trouble (503), not a 500.
     */
    private static Grant grantOf(String answer) {
        try {
            JsonObject body = new JsonObject(answer);
            return new Grant(AccessBasis.ofGrant(body.getString("basis")), body.getBoolean("medication", false),
                    body.getBoolean("checkup", false), Instant.parse(body.getString("expiresAt")));
        } catch (RuntimeException unreadable) {
            throw new EligibilityUnavailable.Failure("an unreadable consent");
        }
    }
}
