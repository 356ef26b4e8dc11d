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

import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;
import io.smallrye.jwt.util.KeyUtils;

/** Access tokens shaped like Keycloak's (realm roles under {@code realm_access.roles}), signed by the test key. */
public final class Tokens {

    public static final String ISSUER = "https://issuer.test/realms/shikaku";
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

    private static JwtClaimsBuilder claims(String issuer, String... roles) {
        return Jwt.issuer(issuer)
                .subject("test-user")
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
