package io.shikaku.token;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Base64;
import java.util.Collection;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.jwt.JsonWebToken;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import com.github.benmanes.caffeine.cache.Ticker;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.vertx.ext.web.RoutingContext;

/**
 * Remembers the identities of access tokens this process has verified (signature, issuer, audience, type, expiry), so
 * that the next request carrying the same token costs a SHA-256 and a lookup instead of a second RSA verification
 * (issue 8: the gateway and then the service verified every request's token, 37 % of the gateway's CPU and 21 % of
 * the service's). Only a success is remembered, keyed by the hash of the exact token, until its {@code exp} or
 * {@code shikaku.token-cache.max-age}, whichever comes first; at most {@code shikaku.token-cache.max-size} tokens.
 * Metrics: {@code shikaku_token_cache_lookups_total{result="hit|miss"}}.
 */
@ApplicationScoped
public class VerifiedTokens {

    /** Lookups of a token, tagged {@code result} {@code hit} or {@code miss}. */
    public static final String LOOKUPS = "shikaku.token.cache.lookups";
    /** Attributes that belong to the request that verified the token, never to be handed to another request. */
    private static final Set<String> REQUEST_ATTRIBUTES = Set.of(RoutingContext.class.getName(),
            AuthenticationRequestContext.class.getName());
    /** Marks an identity handed out from the cache, so that it is not remembered again. */
    static final String FROM_CACHE = VerifiedTokens.class.getName();
    private static final String SCOPE = "scope";

    private final boolean enabled;
    private final long maxAgeMillis;
    private final LongSupplier wallClockMillis;
    private final Cache<String, Verified> cache;
    private final Counter hits;
    private final Counter misses;

    @Inject
    VerifiedTokens(@ConfigProperty(name = "shikaku.token-cache.enabled", defaultValue = "true") boolean enabled,
            @ConfigProperty(name = "shikaku.token-cache.max-size", defaultValue = "10000") long maxSize,
            @ConfigProperty(name = "shikaku.token-cache.max-age", defaultValue = "60s") Duration maxAge,
            MeterRegistry registry) {
        this(enabled, maxSize, maxAge, System::currentTimeMillis, Ticker.systemTicker(), null, registry);
    }

    /** With the clocks and maintenance executor given (tests: a fake clock, maintenance on the calling thread). */
    VerifiedTokens(boolean enabled, long maxSize, Duration maxAge, LongSupplier wallClockMillis, Ticker ticker,
            Executor maintenance, MeterRegistry registry) {
        this.enabled = enabled;
        this.maxAgeMillis = maxAge.toMillis();
        this.wallClockMillis = wallClockMillis;
        // plain counters, not Caffeine's statistics: a function counter would stay bound to the first cache of the
        // process, in tests that restart the application
        this.hits = registry.counter(LOOKUPS, "result", "hit");
        this.misses = registry.counter(LOOKUPS, "result", "miss");
        Caffeine<Object, Object> builder = Caffeine.newBuilder().maximumSize(maxSize).ticker(ticker);
        if (maintenance != null) {
            builder.executor(maintenance);
        }
        this.cache = builder.expireAfter(new UntilExpiry()).build();
    }

    public boolean enabled() {
        return enabled;
    }

    /**
     * The identity verified earlier for exactly this token, bound to the current request; {@code null} if the token
     * was not verified here, or its verification has run out (then it must be verified again, and an expired token is
     * refused by that verification).
     */
    public SecurityIdentity find(String token, RoutingContext request, AuthenticationRequestContext context) {
        if (!enabled) {
            return null;
        }
        String key = key(token);
        Verified verified = cache.getIfPresent(key);
        if (verified == null) {
            misses.increment();
            return null;
        }
        if (wallClockMillis.getAsLong() >= verified.validUntilMillis()) {
            cache.invalidate(key);
            misses.increment();
            return null;
        }
        hits.increment();
        QuarkusSecurityIdentity.Builder identity = QuarkusSecurityIdentity.builder()
                .setPrincipal(verified.identity().getPrincipal())
                .addRoles(verified.identity().getRoles())
                .addCredentials(verified.identity().getCredentials())
                .addAttributes(verified.identity().getAttributes())
                .addPermissionChecker(verified.identity()::checkPermission)
                .addAttribute(FROM_CACHE, Boolean.TRUE);
        if (request != null) {
            identity.addAttribute(RoutingContext.class.getName(), request);
        }
        if (context != null) {
            identity.addAttribute(AuthenticationRequestContext.class.getName(), context);
        }
        return identity.build();
    }

    /**
     * Remembers an identity that the OIDC layer has just verified from this token. Only what belongs to the token is
     * kept: the principal (its claims), roles, credentials, the token's scopes as permissions (as quarkus-oidc grants
     * them) and the tenant's attributes; never the request it came with.
     */
    public void remember(String token, SecurityIdentity verified) {
        if (!enabled || !(verified.getPrincipal() instanceof JsonWebToken jwt) || jwt.getExpirationTime() <= 0) {
            return;
        }
        long validUntil = Math.min(TimeUnit.SECONDS.toMillis(jwt.getExpirationTime()),
                wallClockMillis.getAsLong() + maxAgeMillis);
        if (validUntil <= wallClockMillis.getAsLong()) {
            return;
        }
        QuarkusSecurityIdentity.Builder kept = QuarkusSecurityIdentity.builder()
                .setPrincipal(jwt)
                .addRoles(verified.getRoles())
                .addCredentials(verified.getCredentials());
        for (Map.Entry<String, Object> attribute : verified.getAttributes().entrySet()) {
            if (!REQUEST_ATTRIBUTES.contains(attribute.getKey())) {
                kept.addAttribute(attribute.getKey(), attribute.getValue());
            }
        }
        Set<String> scopes = scopes(jwt.getClaim(SCOPE));
        if (!scopes.isEmpty()) {
            kept.addPermissionsAsString(scopes);
        }
        cache.put(key(token), new Verified(kept.build(), validUntil));
    }

    long size() {
        cache.cleanUp();
        return cache.estimatedSize();
    }

    double hits() {
        return hits.count();
    }

    private static Set<String> scopes(Object claim) {
        Set<String> scopes = new HashSet<>();
        if (claim instanceof Collection<?> values) {
            values.forEach(value -> scopes.add(unquoted(value)));
        } else if (claim != null && !claim.toString().isBlank()) {
            for (String scope : unquoted(claim).split(" ")) {
                scopes.add(scope);
            }
        }
        return scopes;
    }

    private static String unquoted(Object value) {
        // JSON-P strings (as JsonWebToken hands them out) print with their quotes
        return value instanceof jakarta.json.JsonString string ? string.getString() : value.toString();
    }

    static String key(String token) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JVM", e);
        }
    }

    private record Verified(SecurityIdentity identity, long validUntilMillis) {
    }

    /** Each entry lives until it is no longer valid: its token's expiry or the cap, fixed when it was verified. */
    private final class UntilExpiry implements Expiry<String, Verified> {

        @Override
        public long expireAfterCreate(String key, Verified value, long currentTime) {
            long millis = Math.max(0, value.validUntilMillis() - wallClockMillis.getAsLong());
            return TimeUnit.MILLISECONDS.toNanos(millis);
        }

        @Override
        public long expireAfterUpdate(String key, Verified value, long currentTime, long currentDuration) {
            return expireAfterCreate(key, value, currentTime);
        }

        @Override
        public long expireAfterRead(String key, Verified value, long currentTime, long currentDuration) {
            return currentDuration;
        }
    }
}
