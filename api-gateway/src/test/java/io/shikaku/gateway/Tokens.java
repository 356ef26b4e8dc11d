package io.shikaku.gateway;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;
import io.smallrye.jwt.util.KeyUtils;

/** Access tokens shaped like Keycloak's (realm roles under {@code realm_access.roles}), signed by the test key. */
public final class Tokens {

    public static final String ISSUER = "https://issuer.test/realms/shikaku";
    public static final String AUDIENCE = "shikaku-api";
    private static final String PRIVATE_KEY = "test-keys/private-key.pem";

    private Tokens() {
    }

    public static String withRoles(String... roles) {
        return claims(ISSUER, roles).expiresIn(300).sign(privateKey());
    }

    public static String expired(String... roles) {
        Instant now = Instant.now();
        return claims(ISSUER, roles).issuedAt(now.minusSeconds(7200)).expiresAt(now.minusSeconds(3600))
                .sign(privateKey());
    }

    /** Signed by a key the gateway does not trust. */
    public static String forged(String... roles) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return claims(ISSUER, roles).expiresIn(300).sign(generator.generateKeyPair().getPrivate());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String fromIssuer(String issuer, String... roles) {
        return claims(issuer, roles).expiresIn(300).sign(privateKey());
    }

    /** An ID token (Keycloak's {@code typ: ID}), otherwise valid. */
    public static String idToken(String... roles) {
        return claims(ISSUER, roles).claim("typ", "ID").expiresIn(300).sign(privateKey());
    }

    /** A token without {@code typ}, otherwise valid. */
    public static String withoutType(String... roles) {
        return claims(ISSUER, roles).remove("typ").expiresIn(300).sign(privateKey());
    }

    /** A token for another audience (e.g. Keycloak's {@code account}), otherwise valid. */
    public static String forAudience(String audience, String... roles) {
        return claims(ISSUER, roles).audience(audience).expiresIn(300).sign(privateKey());
    }

    /** A token without {@code aud}, otherwise valid. */
    public static String withoutAudience(String... roles) {
        return claims(ISSUER, roles).remove("aud").expiresIn(300).sign(privateKey());
    }

    /** Shaped as Keycloak issues them for a client with the realm's audience mapper. */
    private static JwtClaimsBuilder claims(String issuer, String... roles) {
        return Jwt.issuer(issuer)
                .subject("test-user")
                .audience(Set.of(AUDIENCE, "account"))
                .claim("typ", "Bearer")
                .claim("realm_access", Map.of("roles", List.of(roles)));
    }

    private static PrivateKey privateKey() {
        try {
            return KeyUtils.decodePrivateKey(resource(PRIVATE_KEY));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    static String resource(String name) {
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("Missing test resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
