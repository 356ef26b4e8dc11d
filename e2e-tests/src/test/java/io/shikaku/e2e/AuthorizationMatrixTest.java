package io.shikaku.e2e;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import com.fasterxml.jackson.databind.JsonNode;

import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.shikaku.common.testing.KafkaTestKit;
import io.shikaku.contract.Roles;
import io.shikaku.gateway.route.Route;
import io.shikaku.gateway.route.RouteTable;
import io.shikaku.gateway.route.ShikakuRoutes;

/**
 * Who may do what (issue 13, item 2), then bad input (item 3), on one start of the suite: every route of the gateway
 * by every kind of caller and binding, each expected status written in {@link #MATRIX}; and a corpus of malformed
 * requests for every endpoint ({@link BadInputCorpus}), each of which must be refused as a contract problem.
 *
 * <p>The bindings are real data: facilities imported live; facility A holds a consent for person X given by a My Number
 * card check; facility P's consent for X was given 25 hours ago (the suite's clock moved back for the check) and has
 * expired; facility G's emergency doctor identified X in a declared disaster (a grant of G only); insurer 06130017 is
 * X's, 33120015 another; patient X is the realm's {@code patient-demo}, patient Y a user registered here for the demo
 * person 山田 花子.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AuthorizationMatrixTest {

    private static final ZoneId JAPAN = ZoneId.of("Asia/Tokyo");
    private static final LocalDate TODAY = LocalDate.now(JAPAN);
    /** Person X: 山田 太郎 (patient-demo), insured by 06130017 as 1234-5678-00, card 0A1B2C3D4E5F0001. */
    static final String X = "00000000-0000-4000-8000-000000000001";
    private static final String X_CARD = "0A1B2C3D4E5F0001";
    private static final String X_MY_NUMBER = "100000000013";
    /** Person Y: 山田 花子, of the same insurer. */
    static final String Y = "00000000-0000-4000-8000-000000000002";
    private static final String Y_MY_NUMBER = "100000000021";
    /** Facility A (Sapporo): the clinic with X's consent; facility-admin-0110113719 is its administrator. */
    static final String A = "0110113719";
    /** Facility B (Tokyo, dental): no consent, no grant; its administrator is registered here. */
    static final String B = "1330123454";
    /** Facility G (Tokyo): the emergency doctor's; holds the disaster grant for X. */
    private static final String G = "1310123458";
    /** Facility P (Tokyo, pharmacy): its consent for X has expired. */
    private static final String P = "1340123452";
    /** Facility O (Osaka): emergency staff outside the disaster region. */
    private static final String O = "2710123452";
    static final String INSURER = "06130017";
    static final String OTHER_INSURER = "33120015";
    /** X's dispensed drug: what a refused caller must never see. */
    private static final String DRUG_NAME = "アムロジピン錠5mg";
    private static final String HELD_NAME = "保留 二郎";

    static final Suite SUITE = new Suite();

    /**
     * The matrix: one row per request (method, path with the set-up's identifiers in braces, body by name), one column
     * per caller, each cell the status the caller gets. Callers: ANO no token; CLA clinic of A (consent); CLB clinic of
     * B (no consent; X's grant is another facility's); CLP clinic of P (consent expired); CLG clinic of G (grant);
     * EMG emergency staff of G (grant); EMO emergency staff of O (no grant, outside the disaster); FAA facility-admin of
     * A; FAB facility-admin of B; POR portal-admin; INS insurer 06130017 (X's); IN2 insurer 33120015; CLM claims-feed;
     * REG registry-feed; PTX patient X; PTY patient Y; MIN ministry; AUD auditor. Within a row, refusals are sent
     * first, so that a write one caller may make cannot change what the others get.
     */
    static final String MATRIX = """
            method path                                                       body        ANO CLA CLB CLP CLG EMG EMO FAA FAB POR INS IN2 CLM REG PTX PTY MIN AUD
            POST   /api/v1/eligibility/checks                                 check       401 200 200 200 200 403 403 403 403 403 403 403 403 403 403 403 403 403
            GET    /api/v1/eligibility/checks/{checkA}                        -           401 200 404 404 404 403 403 403 403 403 403 403 403 403 403 403 403 403
            POST   /api/v1/eligibility/bulk-inquiries                         bulk        401 202 202 202 202 403 403 403 403 403 403 403 403 403 403 403 403 403
            GET    /api/v1/eligibility/bulk-inquiries/{inquiryA}              -           401 200 404 404 404 403 403 403 403 403 403 403 403 403 403 403 403 403
            GET    /api/v1/eligibility/consents/{X}                           -           401 200 404 404 200 403 403 403 403 403 403 403 403 403 403 403 403 403
            GET    /api/v1/eligibility/consents/{Y}                           -           401 404 404 404 404 403 403 403 403 403 403 403 403 403 403 403 403 403
            POST   /api/v1/card-registrations                                 cardOfY     401 201 201 201 201 403 403 403 403 403 403 403 403 403 422 201 403 403
            GET    /api/v1/card-registrations/{cardX}                         -           401 403 403 403 403 403 403 403 403 403 403 403 403 403 200 404 403 403
            POST   /api/v1/card-registrations/{cardX2}/withdrawal             -           401 403 403 403 403 403 403 403 403 403 403 403 403 403 204 404 403 403
            DELETE /api/v1/card-registrations/{cardX2}                        -           401 403 403 403 403 403 403 403 403 403 403 403 403 403 204 404 403 403
            POST   /api/v1/insurers/{INSURER}/member-batches                  members     401 403 403 403 403 403 403 403 403 403 202 403 403 403 403 403 403 403
            GET    /api/v1/insurers/{INSURER}/member-batches/{memberBatch}    -           401 403 403 403 403 403 403 403 403 403 200 403 403 403 403 403 403 403
            GET    /api/v1/insurers/{OTHER_INSURER}/member-batches/{memberBatch} -        401 403 403 403 403 403 403 403 403 403 403 404 403 403 403 403 403 403
            GET    /api/v1/insurers/{INSURER}/held-records                    -           401 403 403 403 403 403 403 403 403 403 200 403 403 403 403 403 403 403
            GET    /api/v1/insurers/{OTHER_INSURER}/held-records              -           401 403 403 403 403 403 403 403 403 403 403 200 403 403 403 403 403 403
            DELETE /api/v1/insurers/{OTHER_INSURER}/held-records/{held}       -           401 403 403 403 403 403 403 403 403 403 403 404 403 403 403 403 403 403
            DELETE /api/v1/insurers/{INSURER}/held-records/{held}             -           401 403 403 403 403 403 403 403 403 403 204 403 403 403 403 403 403 403
            POST   /api/v1/resident-registry/imports                          residents   401 403 403 403 403 403 403 403 403 403 403 403 403 200 403 403 403 403
            GET    /api/v1/disasters                                          -           401 403 403 403 403 403 403 403 403 403 403 403 403 403 403 403 200 403
            POST   /api/v1/disasters                                          disaster    401 403 403 403 403 403 403 403 403 403 403 403 403 403 403 403 201 403
            DELETE /api/v1/disasters/{disasterToEnd}                          -           401 403 403 403 403 403 403 403 403 403 403 403 403 403 403 403 204 403
            POST   /api/v1/emergency/lookups                                  lookup      401 403 403 403 403 200 403 403 403 403 403 403 403 403 403 403 403 403
            GET    /api/v1/me/access-log                                      -           401 403 403 403 403 403 403 403 403 403 403 403 403 403 200 200 403 403
            GET    /api/v1/audit/access-log                                   -           401 403 403 403 403 403 403 403 403 403 403 403 403 403 403 403 403 200
            GET    /api/v1/audit/access-log/verification                      -           401 403 403 403 403 403 403 403 403 403 403 403 403 403 403 403 403 200
            GET    /api/v1/audit/sweeps                                       -           401 403 403 403 403 403 403 403 403 403 403 403 403 403 403 403 403 200
            GET    /api/v1/persons/{X}/medications                            -           401 200 404 404 200 200 404 403 403 403 403 403 403 403 403 403 403 403
            GET    /api/v1/persons/{Y}/medications                            -           401 404 404 404 404 404 404 403 403 403 403 403 403 403 403 403 403 403
            POST   /api/v1/persons/{X}/medications/duplicate-check            duplicates  401 200 404 404 200 200 404 403 403 403 403 403 403 403 403 403 403 403
            POST   /api/v1/claims/dispensing-batches                          dispensing  401 403 403 403 403 403 403 403 403 403 403 403 202 403 403 403 403 403
            GET    /api/v1/claims/dispensing-batches/{dispensingBatch}        -           401 403 403 403 403 403 403 403 403 403 403 403 200 403 403 403 403 403
            GET    /api/v1/me/medications                                     -           401 403 403 403 403 403 403 403 403 403 403 403 403 403 200 200 403 403
            GET    /api/v1/persons/{X}/checkups                               -           401 200 404 404 200 200 404 403 403 403 403 403 403 403 403 403 403 403
            GET    /api/v1/persons/{Y}/checkups                               -           401 404 404 404 404 404 404 403 403 403 403 403 403 403 403 403 403 403
            POST   /api/v1/insurers/{INSURER}/checkup-batches                 checkups    401 403 403 403 403 403 403 403 403 403 202 403 403 403 403 403 403 403
            GET    /api/v1/insurers/{INSURER}/checkup-batches/{checkupBatch}  -           401 403 403 403 403 403 403 403 403 403 200 403 403 403 403 403 403 403
            GET    /api/v1/insurers/{OTHER_INSURER}/checkup-batches/{checkupBatch} -      401 403 403 403 403 403 403 403 403 403 403 404 403 403 403 403 403 403
            GET    /api/v1/me/checkups                                        -           401 403 403 403 403 403 403 403 403 403 403 403 403 403 200 200 403 403
            GET    /api/v1/facilities                                         -           401 403 403 403 403 403 403 403 403 200 403 403 403 403 403 403 403 403
            GET    /api/v1/facilities/exemption-requests                      -           401 403 403 403 403 403 403 403 403 200 403 403 403 403 403 403 403 403
            POST   /api/v1/facilities/imports                                 csv         401 403 403 403 403 403 403 403 403 200 403 403 403 403 403 403 403 403
            GET    /api/v1/facilities/{A}                                     -           401 403 403 403 403 403 403 200 403 200 403 403 403 403 403 403 403 403
            GET    /api/v1/facilities/{B}                                     -           401 403 403 403 403 403 403 403 200 200 403 403 403 403 403 403 403 403
            GET    /api/v1/facilities/{A}/history                             -           401 403 403 403 403 403 403 200 403 200 403 403 403 403 403 403 403 403
            GET    /api/v1/facilities/{B}/history                             -           401 403 403 403 403 403 403 403 200 200 403 403 403 403 403 403 403 403
            POST   /api/v1/facilities/{A}/account                             account     401 403 403 403 403 403 403 409 403 409 403 403 403 403 403 403 403 403
            POST   /api/v1/facilities/{A}/reader-applications                 readers     401 403 403 403 403 403 403 409 403 409 403 403 403 403 403 403 403 403
            POST   /api/v1/facilities/{A}/readiness                           readiness   401 403 403 403 403 403 403 409 403 409 403 403 403 403 403 403 403 403
            PUT    /api/v1/facilities/{A}/go-live                             goLive      401 403 403 403 403 403 403 409 403 409 403 403 403 403 403 403 403 403
            PUT    /api/v1/facilities/{A}/emergency-terminal                  terminal    401 403 403 403 403 403 403 403 403 200 403 403 403 403 403 403 403 403
            POST   /api/v1/facilities/{A}/exemption-requests                  exemption   401 403 403 403 403 403 403 201 403 201 403 403 403 403 403 403 403 403
            GET    /api/v1/facilities/{A}/exemption-requests                  -           401 403 403 403 403 403 403 200 403 200 403 403 403 403 403 403 403 403
            POST   /api/v1/facilities/{A}/exemption-requests/{exemption}/decision decision 401 403 403 403 403 403 403 403 403 200 403 403 403 403 403 403 403 403
            GET    /api/v1/facilities/{A}/subsidy-estimate?projectCost=1000000&readers=1 - 401 403 403 403 403 403 403 200 403 200 403 403 403 403 403 403 403 403
            POST   /api/v1/facilities/{A}/survey-responses                    survey      401 403 403 403 403 403 403 201 403 201 403 403 403 403 403 403 403 403
            GET    /api/v1/stats/adoption                                     -           401 403 403 403 403 403 403 403 403 200 403 403 403 403 403 403 403 403
            GET    /api/v1/stats/adoption/prefectures                         -           401 403 403 403 403 403 403 403 403 200 403 403 403 403 403 403 403 403
            GET    /api/v1/stats/adoption/trend?from=2022-01-01&to=2023-01-01 -           401 403 403 403 403 403 403 403 403 200 403 403 403 403 403 403 403 403
            GET    /api/v1/stats/survey                                       -           401 403 403 403 403 403 403 403 403 200 403 403 403 403 403 403 403 403
            GET    /api/v1/stats/usage?from=2026-01-01&to=2026-01-31          -           401 403 403 403 403 403 403 403 403 200 403 403 403 403 403 403 403 403
            """;

    /** The realm roles of each caller of the matrix, to hold the table to the gateway's route table. */
    private static final Map<String, String> ROLE_OF = new LinkedHashMap<>();

    static {
        ROLE_OF.put("ANO", null);
        for (String clinic : List.of("CLA", "CLB", "CLP", "CLG")) {
            ROLE_OF.put(clinic, Roles.CLINIC);
        }
        ROLE_OF.put("EMG", Roles.EMERGENCY_STAFF);
        ROLE_OF.put("EMO", Roles.EMERGENCY_STAFF);
        ROLE_OF.put("FAA", Roles.FACILITY_ADMIN);
        ROLE_OF.put("FAB", Roles.FACILITY_ADMIN);
        ROLE_OF.put("POR", Roles.PORTAL_ADMIN);
        ROLE_OF.put("INS", Roles.INSURER);
        ROLE_OF.put("IN2", Roles.INSURER);
        ROLE_OF.put("CLM", Roles.CLAIMS_FEED);
        ROLE_OF.put("REG", Roles.REGISTRY_FEED);
        ROLE_OF.put("PTX", Roles.PATIENT);
        ROLE_OF.put("PTY", Roles.PATIENT);
        ROLE_OF.put("MIN", Roles.MINISTRY);
        ROLE_OF.put("AUD", Roles.AUDITOR);
    }

    /** The identifiers the set-up made, by their name in the matrix' paths. */
    static final Map<String, String> IDS = new HashMap<>();
    private static final Map<String, Supplier<String>> TOKENS = new LinkedHashMap<>();

    /** One request of the matrix and what each caller gets. */
    record Row(String method, String path, String body, Map<String, Integer> expected) {
        String label() {
            return method + " " + path;
        }

        String resolvedPath() {
            Matcher matcher = Pattern.compile("\\{([A-Za-z_0-9]+)}").matcher(path);
            StringBuilder resolved = new StringBuilder();
            while (matcher.find()) {
                String id = IDS.get(matcher.group(1));
                if (id == null) {
                    throw new IllegalStateException("No identifier " + matcher.group(1) + " for " + label());
                }
                matcher.appendReplacement(resolved, Matcher.quoteReplacement(id));
            }
            return matcher.appendTail(resolved).toString();
        }

        String pathOnly() {
            int query = path.indexOf('?');
            return query < 0 ? path : path.substring(0, query);
        }
    }

    static List<String> callers() {
        return List.copyOf(ROLE_OF.keySet());
    }

    static List<Row> rows() {
        List<String> lines = MATRIX.lines().filter(line -> !line.isBlank()).toList();
        List<String> header = List.of(lines.get(0).trim().split("\\s+"));
        List<String> callers = header.subList(3, header.size());
        assertEquals(callers(), callers, "the matrix' columns");
        List<Row> rows = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] cells = line.trim().split("\\s+");
            assertEquals(header.size(), cells.length, "cells of " + line.trim());
            Map<String, Integer> expected = new LinkedHashMap<>();
            for (int i = 0; i < callers.size(); i++) {
                expected.put(callers.get(i), Integer.valueOf(cells[3 + i]));
            }
            rows.add(new Row(cells[0], cells[1], cells[2], expected));
        }
        return rows;
    }

    @BeforeAll
    static void startSuiteAndBind() throws Exception {
        SUITE.startAll();
        RestAssured.baseURI = Suite.gatewayUrl();
        String admin = Keycloak.userToken("portal-admin");
        given().auth().oauth2(admin).contentType("text/csv; charset=UTF-8").body(facilitiesCsv())
                .post("/api/v1/facilities/imports").then().statusCode(200).body("imported", equalTo(5));

        // X's medication and checkups, as the feeds bring them
        String feed = Keycloak.clientToken("claims-feed");
        String dispensingBatch = given().auth().oauth2(feed).contentType(ContentType.JSON)
                .header("Idempotency-Key", "e2e-matrix-" + UUID.randomUUID())
                .body(Http.JSON.writeValueAsString(body("dispensing"))).post("/api/v1/claims/dispensing-batches")
                .then().statusCode(202).extract().path("batchId");
        IDS.put("dispensingBatch", dispensingBatch);
        KafkaTestKit.await("X's dispensing to attach", () -> given().auth().oauth2(feed)
                .get("/api/v1/claims/dispensing-batches/{id}", dispensingBatch),
                r -> Integer.valueOf(1).equals(r.path("attached")));
        String insurer = Keycloak.clientToken("insurer-" + INSURER);
        Response checkups = KafkaTestKit.await("X's checkup to be accepted", () -> {
            String batch = given().auth().oauth2(insurer).contentType(ContentType.JSON)
                    .header("Idempotency-Key", "e2e-matrix-" + UUID.randomUUID()).body(body("checkups"))
                    .post("/api/v1/insurers/{n}/checkup-batches", INSURER).then().statusCode(202).extract()
                    .path("batchId");
            IDS.put("checkupBatch", batch);
            return KafkaTestKit.await("the checkup batch to complete", () -> given().auth().oauth2(insurer)
                    .get("/api/v1/insurers/{n}/checkup-batches/{id}", INSURER, batch),
                    r -> "COMPLETED".equals(r.path("status")));
        }, r -> Integer.valueOf(1).equals(r.path("accepted")));
        checkups.then().statusCode(200);

        // a member line the registry disagrees with: held for the insurer's review
        String heldMyNumber = Fresh.myNumber();
        given().auth().oauth2(Keycloak.clientToken("registry-feed")).contentType(ContentType.JSON)
                .body(Map.of("records", List.of(Map.of("myNumber", heldMyNumber, "name", "保留 次郎", "nameKana",
                        "ホリュウ ジロウ", "sex", "MALE", "birthDate", "1970-02-02", "address", "東京都港区芝1-1"))))
                .post("/api/v1/resident-registry/imports").then().statusCode(200);
        String memberBatch = given().auth().oauth2(insurer).contentType(ContentType.JSON)
                .body(Map.of("records", List.of(member(heldMyNumber, HELD_NAME, "HLD"))))
                .post("/api/v1/insurers/{n}/member-batches", INSURER).then().statusCode(202).extract()
                .path("batchId");
        IDS.put("memberBatch", memberBatch);
        KafkaTestKit.await("the member batch to complete", () -> given().auth().oauth2(insurer)
                .get("/api/v1/insurers/{n}/member-batches/{id}", INSURER, memberBatch),
                r -> "COMPLETED".equals(r.path("status"))).then().body("held", equalTo(1));
        List<Map<String, Object>> held = given().auth().oauth2(insurer).queryParam("size", 1_000)
                .get("/api/v1/insurers/{n}/held-records", INSURER).then().statusCode(200).extract()
                .path("heldRecords");
        IDS.put("held", held.stream().filter(h -> memberBatch.equals(h.get("batchId")))
                .map(h -> (String) h.get("heldRecordId")).findFirst().orElseThrow());

        // A's consent for X, at A's card reader
        IDS.put("checkA", cardCheck("clinic-" + A, TODAY).then().statusCode(200).body("consent.medication",
                equalTo(true)).extract().path("checkId"));
        // P's consent for X, given 25 hours ago: expired
        try {
            SUITE.moveClock(Duration.ofHours(-25));
            cardCheck("clinic-" + P, LocalDate.ofInstant(Instant.now().minus(Duration.ofHours(25)), JAPAN)).then()
                    .statusCode(200).body("consent.checkup", equalTo(true));
        } finally {
            SUITE.resetClock();
        }

        // a disaster in Tokyo, and G's emergency doctor identifies X: a grant of G only
        String ministry = Keycloak.userToken("ministry-operator");
        given().auth().oauth2(ministry).contentType(ContentType.JSON).body(Map.of("name", "行列試験の地震 (e2e)",
                "prefectures", List.of("13"), "from", TODAY.minusDays(1).toString(), "until",
                TODAY.plusDays(2).toString())).post("/api/v1/disasters").then().statusCode(201);
        IDS.put("disasterToEnd", given().auth().oauth2(ministry).contentType(ContentType.JSON)
                .body(Map.of("name", "行列試験の終わる災害 (e2e)", "prefectures", List.of("47"), "from",
                        TODAY.toString(), "until", TODAY.plusDays(1).toString()))
                .post("/api/v1/disasters").then().statusCode(201).extract().path("disasterId"));
        given().auth().oauth2(Keycloak.userToken("emergency-doctor")).contentType(ContentType.JSON)
                .body(body("lookup")).post("/api/v1/emergency/lookups").then().statusCode(200)
                .body("personId", equalTo(X));

        String clinicA = Keycloak.clientToken("clinic-" + A);
        IDS.put("inquiryA", given().auth().oauth2(clinicA).contentType(ContentType.JSON).body(body("bulk"))
                .post("/api/v1/eligibility/bulk-inquiries").then().statusCode(202).extract().path("inquiryId"));
        // X's second card, to withdraw and revoke
        String cardX2 = Fresh.serial();
        given().auth().oauth2(Keycloak.userToken("patient-demo")).contentType(ContentType.JSON)
                .body(Map.of("cardSerial", cardX2, "myNumber", X_MY_NUMBER, "validUntil", "2035-03-31"))
                .post("/api/v1/card-registrations").then().statusCode(201);
        IDS.put("cardX", X_CARD);
        IDS.put("cardX2", cardX2);
        IDS.put("exemption", given().auth().oauth2(Keycloak.userToken("facility-admin-" + A))
                .contentType(ContentType.JSON).body(body("exemption"))
                .post("/api/v1/facilities/{f}/exemption-requests", A).then().statusCode(201).extract().path("id"));
        IDS.putAll(Map.of("X", X, "Y", Y, "A", A, "B", B, "INSURER", INSURER, "OTHER_INSURER", OTHER_INSURER));

        TOKENS.put("ANO", () -> null);
        TOKENS.put("CLA", () -> Keycloak.clientToken("clinic-" + A));
        TOKENS.put("CLB", () -> Keycloak.clientToken("clinic-" + B));
        TOKENS.put("CLP", () -> Keycloak.clientToken("clinic-" + P));
        TOKENS.put("CLG", () -> Keycloak.clientToken("clinic-" + G));
        TOKENS.put("EMG", () -> Keycloak.userToken("emergency-doctor"));
        String osaka = Keycloak.registerEmergencyStaff(O, "DOCTOR");
        TOKENS.put("EMO", () -> Keycloak.clientToken(osaka));
        TOKENS.put("FAA", () -> Keycloak.userToken("facility-admin-" + A));
        String adminB = Keycloak.registerFacilityAdmin(B);
        TOKENS.put("FAB", () -> Keycloak.userToken(adminB));
        TOKENS.put("POR", () -> Keycloak.userToken("portal-admin"));
        TOKENS.put("INS", () -> Keycloak.clientToken("insurer-" + INSURER));
        TOKENS.put("IN2", () -> Keycloak.clientToken("insurer-" + OTHER_INSURER));
        TOKENS.put("CLM", () -> Keycloak.clientToken("claims-feed"));
        TOKENS.put("REG", () -> Keycloak.clientToken("registry-feed"));
        TOKENS.put("PTX", () -> Keycloak.userToken("patient-demo"));
        String patientY = Keycloak.registerPatient("patient-e2e-hanako", Y);
        TOKENS.put("PTY", () -> Keycloak.userToken(patientY));
        TOKENS.put("MIN", () -> Keycloak.userToken("ministry-operator"));
        TOKENS.put("AUD", () -> Keycloak.userToken("auditor"));
    }

    @AfterAll
    static void stopSuite() throws Exception {
        SUITE.resetClock();
        SUITE.stopAll();
    }

    @Test
    @Order(1)
    void everyRouteAndEndpointHasARowAndTheTableAgreesWithTheGatewaysRoles() throws IOException {
        List<Row> rows = rows();
        RouteTable routes = ShikakuRoutes.table();
        List<String> problems = new ArrayList<>();
        for (Route route : routes.routes()) {
            if (rows.stream().noneMatch(row -> route.pattern().matches(row.resolvedPath().split("\\?")[0]))) {
                problems.add("no row for the gateway's route " + route.pattern());
            }
        }
        for (Operation operation : operations()) {
            if (rows.stream().noneMatch(operation::matches)) {
                problems.add("no row for " + operation);
            }
        }
        for (Row row : rows) {
            Route route = routes.match(row.resolvedPath().split("\\?")[0]).orElse(null);
            if (route == null) {
                problems.add("no gateway route for the row " + row.label());
                continue;
            }
            row.expected().forEach((caller, status) -> {
                String role = ROLE_OF.get(caller);
                int gatewayRefusal = role == null ? 401 : 403;
                if ((role == null || !route.roles().contains(role)) && status != gatewayRefusal) {
                    problems.add(row.label() + " × " + caller + ": the gateway refuses this caller with "
                            + gatewayRefusal + ", the table says " + status);
                }
            });
        }
        System.out.printf("Authorization matrix: %d rows (requests) covering %d gateway routes and %d endpoints × %d"
                + " callers = %d cells%n", rows.size(), routes.routes().size(), operations().size(), callers().size(),
                rows.size() * callers().size());
        assertTrue(problems.isEmpty(), String.join("\n", problems));
    }

    @Test
    @Order(2)
    void everyCallerGetsWhatTheMatrixSaysAndARefusalCarriesNothingOfAnotherParty() {
        Instant start = Instant.now();
        Map<String, String> tokens = new LinkedHashMap<>();
        TOKENS.forEach((caller, token) -> tokens.put(caller, token.get()));
        List<String> mismatches = new ArrayList<>();
        int sent = 0;
        for (Row row : rows()) {
            List<Map.Entry<String, Integer>> cells = new ArrayList<>(row.expected().entrySet());
            // refusals first, then the writes that succeed
            cells.sort(Comparator.comparing(cell -> cell.getValue() < 300 ? 1 : 0));
            for (Map.Entry<String, Integer> cell : cells) {
                String caller = cell.getKey();
                Object body = "-".equals(row.body()) ? null : body(row.body());
                String key = "e2e-matrix-" + UUID.randomUUID();
                Http.Answer answer = body instanceof String csv
                        ? Http.send(Suite.gatewayUrl(), row.method(), row.resolvedPath(), tokens.get(caller),
                                "text/csv; charset=UTF-8", csv.getBytes(java.nio.charset.StandardCharsets.UTF_8),
                                "Idempotency-Key", key)
                        : Http.json(Suite.gatewayUrl(), row.method(), row.resolvedPath(), tokens.get(caller), body,
                                "Idempotency-Key", key);
                sent++;
                if (answer.status() != cell.getValue()) {
                    mismatches.add(row.label() + " × " + caller + ": expected " + cell.getValue() + ", got " + answer);
                    continue;
                }
                if (answer.status() >= 400) {
                    String notRefusal = answer.notAContractRefusal();
                    if (notRefusal != null) {
                        mismatches.add(row.label() + " × " + caller + ": not a contract problem (" + notRefusal + "): "
                                + answer);
                    }
                    leaks(answer.body(), secrets(X, Y)).forEach(leak -> mismatches
                            .add(row.label() + " × " + caller + ": the refusal carries " + leak));
                } else if (caller.equals("PTY")) {
                    leaks(answer.body(), secrets(X)).forEach(leak -> mismatches
                            .add(row.label() + " × " + caller + ": patient Y's answer carries X's " + leak));
                } else if (caller.equals("PTX") && row.path().startsWith("/api/v1/me/")) {
                    leaks(answer.body(), secrets(Y)).forEach(leak -> mismatches
                            .add(row.label() + " × " + caller + ": patient X's answer carries Y's " + leak));
                }
            }
        }
        System.out.printf("Authorization matrix: %d requests sent, %d mismatches, in %d s%n", sent,
                mismatches.size(), Duration.between(start, Instant.now()).toSeconds());
        assertTrue(mismatches.isEmpty(), mismatches.size() + " cells differ from the matrix:\n"
                + String.join("\n", mismatches));
    }

    @Test
    @Order(3)
    void badInputOfEveryKindIsAContractProblemAndChangesNothingAccepted() throws Exception {
        BadInputCorpus corpus = new BadInputCorpus(rows(), TOKENS, operations());
        List<String> findings = corpus.run();
        assertTrue(findings.isEmpty(), findings.size() + " answers to bad input are not contract refusals:\n"
                + String.join("\n", findings));
    }

    @Test
    @Order(4)
    void aForgedExpiredTamperedOrForeignTokenIsRefusedByTheGatewayAndByEveryService() throws Exception {
        List<String> findings = TokenAttacks.run();
        assertTrue(findings.isEmpty(), String.join("\n", findings));
    }

    /** Which of the {@code secrets} the {@code body} contains (named, never shown). */
    static List<String> leaks(String body, Map<String, String> secrets) {
        List<String> found = new ArrayList<>();
        secrets.forEach((name, value) -> {
            if (body.contains(value)) {
                found.add(name);
            }
        });
        return found;
    }

    /** What another party must never see of these persons: id, name, My Number, and X's drug and held name. */
    static Map<String, String> secrets(String... persons) {
        Map<String, String> secrets = new LinkedHashMap<>();
        for (String person : persons) {
            if (person.equals(X)) {
                secrets.put("X's person id", X);
                secrets.put("X's name", "山田 太郎");
                secrets.put("X's name (joined)", "山田太郎");
                secrets.put("X's My Number", X_MY_NUMBER);
                secrets.put("X's drug", DRUG_NAME);
                secrets.put("a held member's name", HELD_NAME);
            } else {
                secrets.put("Y's person id", Y);
                secrets.put("Y's name", "山田 花子");
                secrets.put("Y's My Number", Y_MY_NUMBER);
            }
        }
        return secrets;
    }

    /** The bodies of the matrix by name, each made anew (fresh serials, this run's My Numbers). */
    static Object body(String name) {
        return switch (name) {
            case "check" -> Map.of("method", "INSURANCE_CARD", "visitDate", TODAY.toString(), "insurerNumber", INSURER,
                    "symbol", "1234", "number", "5678", "branch", "00", "birthDate", "1980-04-01", "reference",
                    "matrix-1");
            case "bulk" -> Map.of("visitDate", TODAY.toString(), "entries", List.of(Map.of("insurerNumber", INSURER,
                    "symbol", "1234", "number", "5678", "branch", "00", "birthDate", "1980-04-01", "reference",
                    "matrix-bulk-1")));
            case "cardOfY" -> Map.of("cardSerial", Fresh.serial(), "myNumber", Y_MY_NUMBER, "validUntil",
                    "2035-03-31");
            case "members" -> Map.of("records", List.of(member(null, "照合 四郎", "MTX")));
            case "residents" -> Map.of("records", List.of(Map.of("myNumber", Fresh.myNumber(), "name", "照合 四郎",
                    "nameKana", "ショウゴウ シロウ", "sex", "MALE", "birthDate", "1971-04-04", "address",
                    "東京都港区芝2-2")));
            case "disaster" -> Map.of("name", "行列試験の別の災害 (e2e)", "prefectures", List.of("46"), "from",
                    TODAY.toString(), "until", TODAY.plusDays(1).toString());
            case "lookup" -> Map.of("basis", "DISASTER", "name", "山田 太郎", "birthDate", "1980-04-01", "sex", "MALE",
                    "insurerNameOrAddress", "鷺宮", "patientConsent", "OBTAINED", "acknowledgedSpecialAccess", true);
            case "duplicates" -> Map.of("startOn", TODAY.toString(), "drugs", List.of(Map.of("drugCode",
                    "2171022F1020")));
            case "dispensing" -> Map.of("records", List.of(dispensing()));
            case "checkups" -> Map.of("records", List.of(Map.of("symbol", "1234", "number", "5678", "branch", "00",
                    "sex", "MALE", "examinedOn", TODAY.minusMonths(1).toString(), "items", Map.of("heightCm", 170.0,
                            "weightKg", 70.0, "waistCm", 84.0, "systolic", 120, "diastolic", 75, "triglycerides",
                            100, "hdl", 60, "fastingGlucose", 90))));
            case "csv" -> facilitiesCsv().lines().limit(2).collect(java.util.stream.Collectors.joining("\n", "",
                    "\n"));
            case "account" -> Map.of("registeredOn", "2021-04-01");
            case "readers" -> Map.of("readers", 1, "appliedOn", "2021-05-01");
            case "readiness" -> Map.of("readyOn", "2021-09-01");
            case "goLive" -> Map.of("goLiveOn", "2021-10-01");
            case "terminal" -> Map.of("enabled", false);
            case "exemption" -> Map.of("reason", "PAPER_CLAIMS", "note", "matrix");
            case "decision" -> Map.of("decision", "REJECTED", "note", "matrix");
            case "survey" -> Map.of("doneSteps", List.of("LIVE"), "expectedGoLive", "ALREADY_LIVE", "obstacles",
                    List.of());
            default -> throw new IllegalArgumentException("No body " + name);
        };
    }

    /** The CSV bodies are sent as text: the matrix' JSON client sends strings as they are. */
    static boolean isCsv(String bodyName) {
        return "csv".equals(bodyName);
    }

    private static String facilitiesCsv() {
        return "facilityCode,type,prefecture,name,accountRegisteredOn,readerAppliedOn,readersApplied,readyOn,goLiveOn\n"
                + B + ",DENTAL_CLINIC,13,行列歯科,2021-04-01,2021-05-01,1,2021-09-01,2021-10-01\n"
                + A + ",MEDICAL_CLINIC,01,行列クリニック,2021-04-01,2021-05-01,1,2021-09-01,2021-10-01\n"
                + G + ",HOSPITAL,13,行列病院,2021-04-01,2021-05-01,1,2021-09-01,2021-10-01\n"
                + P + ",PHARMACY,13,行列薬局,2021-04-01,2021-05-01,1,2021-09-01,2021-10-01\n"
                + O + ",MEDICAL_CLINIC,27,行列大阪クリニック,2021-04-01,2021-05-01,1,2021-09-01,2021-10-01\n";
    }

    private static Map<String, Object> member(String myNumber, String name, String symbol) {
        Map<String, Object> member = new HashMap<>(Map.of("op", "UPSERT", "name", name, "nameKana", "ホリュウ ジロウ",
                "sex", "MALE", "birthDate", "1970-02-02", "address", "東京都港区芝9-9", "symbol", symbol, "number",
                "N" + Fresh.serial().substring(0, 7), "branch", "00", "relationship", "INSURED"));
        member.putAll(Map.of("validFrom", "2020-04-01", "copaymentRate", 30));
        if (myNumber != null) {
            member.put("myNumber", myNumber);
        }
        return member;
    }

    private static Map<String, Object> dispensing() {
        Map<String, Object> line = new HashMap<>(Map.of("insurerNumber", INSURER, "symbol", "1234", "number", "5678",
                "branch", "00", "dispensedOn", TODAY.minusDays(3).toString(), "prescribedOn",
                TODAY.minusDays(3).toString(), "drugCode", "2171022F1020", "drugName", DRUG_NAME, "quantity", 28,
                "unit", "錠"));
        line.putAll(Map.of("ingredient", "アムロジピンベシル酸塩", "usage", "1日1回朝食後", "days", 28, "setting",
                "OUTPATIENT", "dispensingFacilityCode", P, "prescribingFacilityCode", A));
        return line;
    }

    private static Response cardCheck(String clinic, LocalDate visitDate) {
        return given().auth().oauth2(Keycloak.clientToken(clinic)).contentType(ContentType.JSON)
                .body(Map.of("method", "MY_NUMBER_CARD", "visitDate", visitDate.toString(), "cardSerial", X_CARD,
                        "identityVerification", "FACE", "consent",
                        Map.of("medication", true, "checkup", true, "limitCategory", false)))
                .post("/api/v1/eligibility/checks");
    }

    /** One operation of a service's committed OpenAPI description. */
    record Operation(String service, String method, String path, JsonNode spec, JsonNode document) {
        boolean matches(Row row) {
            if (!method.equals(row.method())) {
                return false;
            }
            String[] template = path.split("/");
            String[] actual = row.pathOnly().split("/");
            if (template.length != actual.length) {
                return false;
            }
            for (int i = 0; i < template.length; i++) {
                boolean variable = template[i].startsWith("{");
                if (!variable && !template[i].equals(actual[i])) {
                    return false;
                }
                if (variable && !actual[i].startsWith("{")) {
                    return false;
                }
            }
            return true;
        }

        @Override
        public String toString() {
            return method + " " + path + " (" + service + ")";
        }
    }

    /** Every operation of the four services' committed {@code openapi.json} under {@code /api/v1}. */
    static List<Operation> operations() throws IOException {
        List<Operation> operations = new ArrayList<>();
        for (String service : List.of("eligibility-service", "medication-service", "checkup-service",
                "facility-registry-service")) {
            Path file = Suite.root().resolve(service).resolve("openapi.json");
            JsonNode document = Http.JSON.readTree(Files.readString(file));
            Set<String> methods = new LinkedHashSet<>(List.of("get", "post", "put", "delete", "patch"));
            document.get("paths").fields().forEachRemaining(path -> {
                if (path.getKey().startsWith("/api/v1/")) {
                    path.getValue().fields().forEachRemaining(operation -> {
                        if (methods.contains(operation.getKey())) {
                            operations.add(new Operation(service, operation.getKey().toUpperCase(
                                    java.util.Locale.ROOT), path.getKey(), operation.getValue(), document));
                        }
                    });
                }
            });
        }
        return operations;
    }
}
