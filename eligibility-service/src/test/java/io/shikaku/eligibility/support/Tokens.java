package io.shikaku.eligibility.support;

import java.util.List;
import java.util.Map;

import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;

/** Real signed tokens shaped like Keycloak's, for the test issuer the service trusts in the test profile. */
public final class Tokens {

    public static final String ISSUER = "https://test.shikaku.invalid";

    private Tokens() {
    }

    public static String clinic(String facilityCode) {
        return builder("clinic-" + facilityCode, "clinic").claim("facility_code", facilityCode).sign();
    }

    public static String withRoles(String subject, String... roles) {
        return builder(subject, roles).sign();
    }

    private static JwtClaimsBuilder builder(String subject, String... roles) {
        return Jwt.issuer(ISSUER).subject(subject).claim("realm_access", Map.of("roles", List.of(roles)));
    }
}
