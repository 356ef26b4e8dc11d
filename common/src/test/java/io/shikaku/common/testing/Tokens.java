package io.shikaku.common.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Signature;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import io.shikaku.contract.Claims;
import io.shikaku.contract.Roles;
import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;
import io.smallrye.jwt.util.KeyUtils;

/**
 * Real signed access tokens shaped like the realm's (API.md roles under {@code realm_access.roles}, binding claims,
 * {@code typ: Bearer}, the API audience), for every role and binding; every module's tests trust the one test key
 * pair in {@code shikaku-test-keys/} and the one test issuer.
 */
public final class Tokens {

    public static final String ISSUER = "https://issuer.test/realms/shikaku";
    public static final String AUDIENCE = "shikaku-api";
    public static final String PRIVATE_KEY = "shikaku-test-keys/private-key.pem";
    public static final String PUBLIC_KEY = "shikaku-test-keys/public-key.pem";

    private Tokens() {
    }

    public static String clinic(String facilityCode) {
        return bound("clinic-" + facilityCode, Roles.CLINIC, Claims.FACILITY_CODE, facilityCode);
    }

    public static String facilityAdmin(String facilityCode) {
        return bound("facility-admin-" + facilityCode, Roles.FACILITY_ADMIN, Claims.FACILITY_CODE, facilityCode);
    }

    public static String insurer(String insurerNumber) {
        return bound("insurer-" + insurerNumber, Roles.INSURER, Claims.INSURER_NUMBER, insurerNumber);
    }

    public static String patient(UUID personId) {
        return bound("patient-" + personId, Roles.PATIENT, Claims.PERSON_ID, personId.toString());
    }

    public static String emergencyStaff(String facilityCode, String profession) {
        return claims("emergency-" + facilityCode, Roles.EMERGENCY_STAFF).claim(Claims.FACILITY_CODE, facilityCode)
                .claim(Claims.PROFESSION, profession).sign(privateKey());
    }

    /** Emergency staff of {@code facilityCode} with their own subject (each test its own, e.g. for rate limits). */
    public static String emergencyStaff(String subject, String facilityCode, String profession) {
        return claims(subject, Roles.EMERGENCY_STAFF).claim(Claims.FACILITY_CODE, facilityCode)
                .claim(Claims.PROFESSION, profession).sign(privateKey());
    }

    public static String portalAdmin() {
        return as("portal-admin", Roles.PORTAL_ADMIN);
    }

    public static String claimsFeed() {
        return as("claims-feed", Roles.CLAIMS_FEED);
    }

    public static String registryFeed() {
        return as("registry-feed", Roles.REGISTRY_FEED);
    }

    public static String ministry() {
        return as("ministry-operator", Roles.MINISTRY);
    }

    public static String auditor() {
        return as("auditor", Roles.AUDITOR);
    }

    /** A token with these roles and no binding claim. */
    public static String withRoles(String... roles) {
        return claims("test-user", roles).sign(privateKey());
    }

    /** A token of this subject with these roles and no binding claim. */
    public static String as(String subject, String... roles) {
        return claims(subject, roles).sign(privateKey());
    }

    /** A token of {@code role} whose binding claim {@code claim} has {@code value} (a string, list, number, …). */
    public static String withClaim(String role, String claim, Object value) {
        return claims("odd-" + role, role).claim(claim, value).sign(privateKey());
    }

    /** An ID token (Keycloak's {@code typ: ID}): signed by the trusted key, but not an access token. */
    public static String idToken(String... roles) {
        return claims("test-user", roles).claim("typ", "ID").sign(privateKey());
    }

    /** A token without {@code typ}, otherwise valid. */
    public static String withoutType(String... roles) {
        return claims("test-user", roles).remove("typ").sign(privateKey());
    }

    /** An access token issued for another audience (e.g. Keycloak's {@code account}) only. */
    public static String forAudience(String audience, String... roles) {
        return claims("elsewhere", roles).audience(audience).sign(privateKey());
    }

    /** A token without {@code aud}, otherwise valid. */
    public static String withoutAudience(String... roles) {
        return claims("test-user", roles).remove("aud").sign(privateKey());
    }

    public static String expired(String... roles) {
        Instant now = Instant.now();
        return claims("late", roles).issuedAt(now.minusSeconds(7200)).expiresAt(now.minusSeconds(3600))
                .sign(privateKey());
    }

    /** A valid access token that expires {@code seconds} from now. */
    public static String expiringIn(long seconds, String... roles) {
        return claims("brief", roles).expiresAt(Instant.now().getEpochSecond() + seconds).sign(privateKey());
    }

    /** Signed by a key nobody trusts. */
    public static String forged(String... roles) {
        return claims("forger", roles).sign(untrustedKey());
    }

    /** The very claims and header of {@code token}, with the signature of a key nobody trusts. */
    public static String forgedCopyOf(String token) {
        String[] parts = token.split("\\.");
        String signingInput = parts[0] + "." + parts[1];
        try {
            Signature rsa = Signature.getInstance("SHA256withRSA");
            rsa.initSign(untrustedKey());
            rsa.update(signingInput.getBytes(StandardCharsets.US_ASCII));
            return signingInput + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(rsa.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static PrivateKey untrustedKey() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair().getPrivate();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String fromIssuer(String issuer, String... roles) {
        return claims("stranger", roles).issuer(issuer).sign(privateKey());
    }

    private static String bound(String subject, String role, String claim, String value) {
        return claims(subject, role).claim(claim, value).sign(privateKey());
    }

    private static JwtClaimsBuilder claims(String subject, String... roles) {
        return Jwt.issuer(ISSUER)
                .subject(subject)
                .audience(Set.of(AUDIENCE, "account"))
                .claim("typ", "Bearer")
                .claim("realm_access", Map.of("roles", List.of(roles)))
                .expiresIn(300);
    }

    private static PrivateKey privateKey() {
        try {
            return KeyUtils.decodePrivateKey(resource(PRIVATE_KEY));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A text resource of the test kit, e.g. {@link #PUBLIC_KEY}. */
    public static String resource(String name) {
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
