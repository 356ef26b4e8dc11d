package io.shikaku.e2e;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Token attacks (issue 13, item 3), at the gateway and at each service's own port: {@code alg: none}, a token signed
 * by another key (another realm's, or an attacker's, claiming this realm), a real token from another realm, an
 * expired token (a real one of a client whose tokens live one second, and a forged one), a real token for another
 * audience, a real token with a claim changed (the signature kept), HS256 signed with the realm's public key. Each
 * must get {@code 401 UNAUTHENTICATED} as a problem; the real token, as a control, must not.
 */
final class TokenAttacks {

    private static final Base64.Encoder URL = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder URL_DECODER = Base64.getUrlDecoder();

    private TokenAttacks() {
    }

    static List<String> run() throws Exception {
        Instant start = Instant.now();
        String real = Keycloak.clientToken("clinic-" + AuthorizationMatrixTest.A);
        String[] parts = real.split("\\.");
        ObjectNode header = (ObjectNode) Http.JSON.readTree(URL_DECODER.decode(parts[0]));
        ObjectNode claims = (ObjectNode) Http.JSON.readTree(URL_DECODER.decode(parts[1]));

        Map<String, String> attacks = new LinkedHashMap<>();
        ObjectNode none = header.deepCopy().put("alg", "none");
        attacks.put("alg none, no signature", encode(none) + "." + parts[1] + ".");
        attacks.put("alg none, the signature kept", encode(none) + "." + parts[1] + "." + parts[2]);
        attacks.put("alg NONE", encode(header.deepCopy().put("alg", "NONE")) + "." + parts[1] + ".");

        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        KeyPair attacker = generator.generateKeyPair();
        attacks.put("another key, the realm's kid", rs256(header, claims, attacker));
        attacks.put("another key, a kid of its own", rs256(header.deepCopy().put("kid", "attacker"), claims,
                attacker));
        attacks.put("another key, expired", rs256(header, claims.deepCopy()
                .put("exp", Instant.now().minus(Duration.ofHours(1)).getEpochSecond())
                .put("iat", Instant.now().minus(Duration.ofHours(2)).getEpochSecond()), attacker));
        attacks.put("another realm's real token (master)", Keycloak.masterRealmToken());

        String tamperedFacility = encode(claims.deepCopy().put("facility_code", "1310123458"));
        attacks.put("a claim changed (facility_code), the signature kept",
                parts[0] + "." + tamperedFacility + "." + parts[2]);
        attacks.put("exp extended, the signature kept", parts[0] + "." + encode(claims.deepCopy().put("exp",
                Instant.now().plus(Duration.ofDays(365)).getEpochSecond())) + "." + parts[2]);
        attacks.put("the role changed, the signature kept", parts[0] + "." + encode(claims.deepCopy().set(
                "realm_access", Http.JSON.createObjectNode().set("roles", Http.JSON.createArrayNode()
                        .add("portal-admin").add("auditor").add("clinic"))))
                + "." + parts[2]);
        attacks.put("the signature of another token", parts[0] + "." + parts[1] + "."
                + Keycloak.clientToken("clinic-" + AuthorizationMatrixTest.B).split("\\.")[2]);

        String publicKey = io.restassured.RestAssured.given().get(Keycloak.REALM_URL).then().statusCode(200)
                .extract().path("public_key");
        ObjectNode hs = header.deepCopy().put("alg", "HS256");
        String signingInput = encode(hs) + "." + parts[1];
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(publicKey.getBytes(StandardCharsets.US_ASCII), "HmacSHA256"));
        attacks.put("HS256 keyed with the realm's public key", signingInput + "."
                + URL.encodeToString(mac.doFinal(signingInput.getBytes(StandardCharsets.US_ASCII))));

        String otherAudience = Keycloak.clientToken(Keycloak.registerClientForAnotherAudience(
                AuthorizationMatrixTest.A));
        attacks.put("a real token for another audience", otherAudience);
        attacks.put("a real expired token", expiredRealToken());
        attacks.put("not a token", "abc.def.ghi");

        Map<String, String> targets = new LinkedHashMap<>();
        String checkA = AuthorizationMatrixTest.IDS.get("checkA");
        String x = AuthorizationMatrixTest.X;
        for (Map.Entry<String, String> base : Map.of("gateway", Suite.gatewayUrl(), "eligibility",
                Suite.ELIGIBILITY.baseUrl(), "medication", Suite.MEDICATION.baseUrl(), "checkup",
                Suite.CHECKUP.baseUrl(), "facility-registry", Suite.FACILITY.baseUrl()).entrySet()) {
            boolean gateway = base.getKey().equals("gateway");
            if (gateway || base.getKey().equals("eligibility")) {
                targets.put(base.getKey() + " checks",
                        base.getValue() + "|/api/v1/eligibility/checks/" + checkA);
            }
            if (gateway || base.getKey().equals("medication")) {
                targets.put(base.getKey() + " medications", base.getValue() + "|/api/v1/persons/" + x
                        + "/medications");
            }
            if (gateway || base.getKey().equals("checkup")) {
                targets.put(base.getKey() + " checkups", base.getValue() + "|/api/v1/persons/" + x + "/checkups");
            }
            if (gateway || base.getKey().equals("facility-registry")) {
                targets.put(base.getKey() + " subsidy estimate", base.getValue() + "|/api/v1/facilities/"
                        + AuthorizationMatrixTest.A + "/subsidy-estimate?projectCost=1000000&readers=1");
            }
        }
        List<String> findings = new ArrayList<>();
        int sent = 0;
        for (Map.Entry<String, String> target : targets.entrySet()) {
            String[] baseAndPath = target.getValue().split("\\|", 2);
            Http.Answer control = Http.send(baseAndPath[0], "GET", baseAndPath[1], real, null, null);
            if (control.status() == 401) {
                findings.add(target.getKey() + ": the real token itself is refused: " + control);
            }
            for (Map.Entry<String, String> attack : attacks.entrySet()) {
                Http.Answer answer = Http.send(baseAndPath[0], "GET", baseAndPath[1], attack.getValue(), null, null);
                sent++;
                if (answer.status() != 401 || !answer.isProblem() || !"UNAUTHENTICATED".equals(answer.code())) {
                    findings.add(target.getKey() + " × " + attack.getKey() + ": " + answer);
                }
            }
        }
        System.out.printf("Token attacks: %d attacks × %d targets (gateway and each service directly) = %d requests,"
                + " %d findings, in %d s%n", attacks.size(), targets.size(), sent, findings.size(),
                Duration.between(start, Instant.now()).toSeconds());
        return findings;
    }

    /** A real token of a client whose tokens live one second, once it has expired. */
    private static String expiredRealToken() throws Exception {
        String token = Keycloak.clientToken(Keycloak.registerShortLivedClinic(AuthorizationMatrixTest.A));
        long exp = Http.JSON.readTree(URL_DECODER.decode(token.split("\\.")[1])).get("exp").asLong();
        Instant expired = Instant.ofEpochSecond(exp).plusSeconds(1);
        if (expired.isAfter(Instant.now().plus(Duration.ofSeconds(30)))) {
            throw new IllegalStateException("The short-lived client's token lives until " + Instant.ofEpochSecond(exp));
        }
        while (Instant.now().isBefore(expired)) {
            Thread.sleep(100);
        }
        return token;
    }

    private static String rs256(ObjectNode header, ObjectNode claims, KeyPair key) throws Exception {
        String signingInput = encode(header.deepCopy().put("alg", "RS256")) + "." + encode(claims);
        Signature signature = Signature.getInstance("SHA256withRSA");
        signature.initSign(key.getPrivate());
        signature.update(signingInput.getBytes(StandardCharsets.US_ASCII));
        return signingInput + "." + URL.encodeToString(signature.sign());
    }

    private static String encode(ObjectNode json) throws Exception {
        return URL.encodeToString(Http.JSON.writeValueAsBytes(json));
    }
}
