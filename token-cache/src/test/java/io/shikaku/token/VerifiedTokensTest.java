package io.shikaku.token;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.junit.jupiter.api.Test;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.quarkus.oidc.AccessTokenCredential;
import io.quarkus.security.StringPermission;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.vertx.ext.web.RoutingContext;

class VerifiedTokensTest {

    private static final long START = 1_800_000_000_000L;

    private final AtomicLong now = new AtomicLong(START);
    private final VerifiedTokens tokens = cache(10_000, Duration.ofSeconds(60));

    @Test
    void aRememberedTokenIsFoundAsItWasVerified() {
        tokens.remember("h.p.s", verified("h.p.s", seconds(START) + 300));
        SecurityIdentity found = tokens.find("h.p.s", null, null);
        assertNotNull(found);
        assertEquals("clinic-1", found.getPrincipal().getName());
        assertEquals(Set.of("clinic"), found.getRoles());
        assertEquals("h.p.s", found.getCredential(AccessTokenCredential.class).getToken());
        assertEquals("default", found.getAttribute("tenant-id"));
        assertTrue(found.checkPermission(new StringPermission("profile")).await().indefinitely());
        assertFalse(found.checkPermission(new StringPermission("admin")).await().indefinitely());
        assertEquals(1, tokens.hits());
    }

    @Test
    void onlyTheVeryTokenIsFoundNotAnotherWithTheSameClaims() {
        tokens.remember("h.p.s", verified("h.p.s", seconds(START) + 300));
        assertNull(tokens.find("h.p.forged", null, null));
        assertNull(tokens.find("h.p.s ", null, null));
    }

    @Test
    void theRequestThatVerifiedTheTokenIsNeverHandedToTheNext() {
        tokens.remember("h.p.s", verified("h.p.s", seconds(START) + 300));
        SecurityIdentity found = tokens.find("h.p.s", null, null);
        assertNull(found.getAttribute(RoutingContext.class.getName()));
    }

    @Test
    void aTokenIsNotFoundOnceItHasExpired() {
        tokens.remember("h.p.s", verified("h.p.s", seconds(START) + 30));
        advance(Duration.ofSeconds(29).plusMillis(999));
        assertNotNull(tokens.find("h.p.s", null, null));
        advance(Duration.ofMillis(1));
        assertNull(tokens.find("h.p.s", null, null));
    }

    @Test
    void aLongLivedTokenIsVerifiedAgainAfterTheMaximumAge() {
        tokens.remember("h.p.s", verified("h.p.s", seconds(START) + 3600));
        advance(Duration.ofSeconds(59));
        assertNotNull(tokens.find("h.p.s", null, null));
        advance(Duration.ofSeconds(1));
        assertNull(tokens.find("h.p.s", null, null));
    }

    @Test
    void anExpiredOrTimelessTokenIsNeverRemembered() {
        tokens.remember("old", verified("old", seconds(START)));
        tokens.remember("timeless", verified("timeless", 0));
        assertNull(tokens.find("old", null, null));
        assertNull(tokens.find("timeless", null, null));
        assertEquals(0, tokens.size());
    }

    @Test
    void theCacheIsBounded() {
        VerifiedTokens small = cache(100, Duration.ofSeconds(60));
        for (int i = 0; i < 1_000; i++) {
            small.remember("token-" + i, verified("token-" + i, seconds(START) + 300));
        }
        assertTrue(small.size() <= 100, "size " + small.size());
    }

    @Test
    void aDisabledCacheRemembersNothing() {
        VerifiedTokens off = new VerifiedTokens(false, 100, Duration.ofSeconds(60), now::get,
                () -> TimeUnit.MILLISECONDS.toNanos(now.get()), Runnable::run, new SimpleMeterRegistry());
        off.remember("h.p.s", verified("h.p.s", seconds(START) + 300));
        assertNull(off.find("h.p.s", null, null));
    }

    private VerifiedTokens cache(long maxSize, Duration maxAge) {
        return new VerifiedTokens(true, maxSize, maxAge, now::get, () -> TimeUnit.MILLISECONDS.toNanos(now.get()),
                Runnable::run, new SimpleMeterRegistry());
    }

    private void advance(Duration duration) {
        now.addAndGet(duration.toMillis());
    }

    private static long seconds(long millis) {
        return TimeUnit.MILLISECONDS.toSeconds(millis);
    }

    private static SecurityIdentity verified(String token, long exp) {
        Map<String, Object> claims = new HashMap<>();
        claims.put("sub", "clinic-1");
        claims.put("exp", exp);
        claims.put("scope", "openid profile");
        return QuarkusSecurityIdentity.builder()
                .setPrincipal(new Claims(claims))
                .addRole("clinic")
                .addCredential(new AccessTokenCredential(token))
                .addAttribute("tenant-id", "default")
                .addAttribute(RoutingContext.class.getName(), "the first request")
                .addPermissionAsString("profile")
                .addPermissionAsString("openid")
                .build();
    }

    /** A verified token's claims, as quarkus-oidc's principal hands them out. */
    private record Claims(Map<String, Object> claims) implements JsonWebToken {

        @Override
        public String getName() {
            return (String) claims.get("sub");
        }

        @Override
        public Set<String> getClaimNames() {
            return claims.keySet();
        }

        @Override
        @SuppressWarnings("unchecked")
        public <T> T getClaim(String claimName) {
            return (T) claims.get(claimName);
        }
    }
}
