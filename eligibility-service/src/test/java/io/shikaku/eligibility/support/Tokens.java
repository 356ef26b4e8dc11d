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

    /** A clinic token whose facility_code claim is a list, not the one string a binding must be. */
    public static String clinicWithFacilityList(String facilityCode) {
        return builder("clinic-list", "clinic").claim("facility_code", List.of(facilityCode)).sign();
    }

    public static String withRoles(String subject, String... roles) {
        return builder(subject, roles).sign();
    }

    private static JwtClaimsBuilder builder(String subject, String... roles) {
        return Jwt.issuer(ISSUER).subject(subject).claim("realm_access", Map.of("roles", List.of(roles)));
    }
}
