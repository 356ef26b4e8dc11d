package io.shikaku.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;

import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.shikaku.common.testing.KafkaTestKit;

/**
 * Facility administrators and patients in the portal, in Debian's Chromium, signed in on the real Keycloak login
 * page: a facility walks from account to go-live and then checks; nobody opens another facility's page; a patient
 * reads who viewed their records. Screenshots of each page: e2e-tests/target/portal-screenshots/.
 */
class PortalFacilityBrowserTest {

    private static final Suite SUITE = new Suite();
    private static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Tokyo"));
    /** The demo patient (realm user patient-demo), 山田 太郎. */
    private static final String PATIENT = "00000000-0000-4000-8000-000000000001";
    /** A hospital in Osaka that is only in the master: its administrator walks it to go-live in the browser. */
    private static final String WALKING = "2710123452";
    private static Portal portal;

    @BeforeAll
    static void start() throws Exception {
        SUITE.startAll();
        RestAssured.baseURI = Suite.gatewayUrl();
        given().auth().oauth2(Keycloak.userToken("portal-admin")).contentType("text/csv; charset=UTF-8")
                .body("facilityCode,type,prefecture,name,accountRegisteredOn,readerAppliedOn,readersApplied,readyOn,"
                        + "goLiveOn\n0110113719,MEDICAL_CLINIC,01,札幌デモクリニック,2021-04-01,2021-05-01,1,2021-09-01,"
                        + "2021-10-01\n1310123458,HOSPITAL,13,新宿デモ病院,2021-04-01,2021-05-01,1,2021-09-01,"
                        + "2021-10-01\n1340123452,PHARMACY,13,新宿デモ薬局,2021-04-01,2021-05-01,1,2021-09-01,"
                        + "2021-10-01\n" + WALKING + ",HOSPITAL,27,大阪デモ病院,,,,,\n")
                .post("/api/v1/facilities/imports").then().statusCode(200).body("imported", equalTo(4));
        portal = new Portal();
    }

    @AfterAll
    static void stop() throws InterruptedException {
        if (portal != null) {
            portal.close();
        }
        SUITE.stopAll();
    }

    @Test
    void aFacilityAdminWalksTheFacilityFromAccountToGoLiveAndThenItsChecksSucceed() {
        String admin = Keycloak.registerFacilityAdmin(WALKING);
        String clinic = Keycloak.clientToken(Keycloak.registerClinicSystem(WALKING));
        check(clinic).then().statusCode(403).body("code", equalTo("FACILITY_NOT_LIVE"));

        Page page = portal.signIn(admin, "demo", "/facility/" + WALKING);
        assertThat(page.getByTestId("facility-name")).hasText("大阪デモ病院");
        assertStage(page, "REGISTERED");
        Portal.screenshot(page, "facility-1-registered");

        page.getByTestId("step-account").getByRole(AriaRole.BUTTON).click();
        assertStage(page, "ACCOUNT_REGISTERED");

        Locator readers = page.getByTestId("step-readers");
        readers.locator("select[name=readers]").selectOption("2");
        readers.locator("input[name=appliedOn]").fill(TODAY.toString());
        readers.getByRole(AriaRole.BUTTON).click();
        assertStage(page, "READER_APPLIED");
        assertThat(page.locator("li[data-stage=READER_APPLIED] .date")).hasText(TODAY.toString());

        // readiness before the readers were applied for: the API's message stands next to the date
        Locator readiness = page.getByTestId("step-readiness");
        readiness.locator("input[name=readyOn]").fill(TODAY.minusDays(30).toString());
        readiness.getByRole(AriaRole.BUTTON).click();
        assertThat(readiness.locator(".field-error[data-field=readyOn]")).containsText("reader application");
        Portal.screenshot(page, "facility-2-readiness-refused");
        assertStage(page, "READER_APPLIED");
        readiness.locator("input[name=readyOn]").fill(TODAY.toString());
        readiness.getByRole(AriaRole.BUTTON).click();
        assertStage(page, "READY");

        Locator goLive = page.getByTestId("step-go-live");
        goLive.locator("input[name=goLiveOn]").fill(TODAY.toString());
        goLive.getByRole(AriaRole.BUTTON).click();
        assertStage(page, "LIVE");
        assertThat(page.getByTestId("live")).containsText(TODAY.toString());
        // every step in the facility's history, by the administrator who took it
        Locator history = page.getByTestId("facility-history");
        for (String change : new String[] {"IMPORT", "ACCOUNT_REGISTERED", "READERS_APPLIED", "READY", "GO_LIVE"}) {
            assertThat(history.locator("tr[data-change=" + change + "]")).hasCount(1);
        }
        assertThat(history.locator("tr[data-change=GO_LIVE]")).containsText(admin);
        Portal.screenshot(page, "facility-3-live");

        // the subsidy estimate for this hospital under today's rule
        page.locator("input[name=projectCost]").fill("1000000");
        page.getByTestId("subsidy-form").getByRole(AriaRole.BUTTON).click();
        assertThat(page.getByTestId("subsidy-total")).isVisible();
        page.context().close();

        // go-live reaches eligibility through facility-lifecycle: the facility's check then succeeds
        Response checked = KafkaTestKit.await("the facility's first check after going live", () -> check(clinic),
                r -> r.statusCode() == 200);
        checked.then().body("validity", equalTo("VALID"));
    }

    @Test
    void aFacilityAdminCannotOpenAnotherFacilitysPageAndSignsOut() {
        Page page = portal.signIn("facility-admin-0110113719", "demo", "/facility/0110113719");
        assertThat(page.getByTestId("facility-name")).hasText("札幌デモクリニック");

        page.navigate(Portal.url("/facility/1310123458"));
        assertThat(page.locator("[role=alert][data-code=FORBIDDEN]")).isVisible();
        assertThat(page.getByTestId("facility-name")).hasCount(0);
        Portal.screenshot(page, "facility-other-forbidden");

        // signing out ends the Keycloak session: the portal asks for the password again
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("ログアウト")).click();
        page.waitForURL(url -> url.startsWith(Keycloak.BASE_URL));
        page.navigate(Portal.url("/facility/0110113719"));
        page.waitForURL(url -> url.startsWith(Keycloak.BASE_URL));
        assertThat(page.locator("#password")).isVisible();
        page.context().close();
    }

    @Test
    void aPatientSeesWhichFacilityViewedTheirRecordsOnWhichBasis() {
        recordTheDemoPatientsDispensingAndCheckups();
        // the Sapporo clinic checks the patient's My Number card with consent and views the medication
        String clinic = Keycloak.clientToken("clinic-0110113719");
        given().auth().oauth2(clinic).contentType(ContentType.JSON)
                .body(Map.of("method", "MY_NUMBER_CARD", "visitDate", TODAY.toString(), "cardSerial",
                        "0A1B2C3D4E5F0001", "identityVerification", "FACE", "consent",
                        Map.of("medication", true, "checkup", true, "limitCategory", false)))
                .post("/api/v1/eligibility/checks").then().statusCode(200);
        KafkaTestKit.await("the clinic's view of the medication", () -> given().auth().oauth2(clinic)
                .get("/api/v1/persons/{p}/medications", PATIENT), r -> r.statusCode() == 200);
        String patient = Keycloak.userToken("patient-demo");
        KafkaTestKit.await("the view in the patient's access log", () -> given().auth().oauth2(patient)
                .get("/api/v1/me/access-log"),
                r -> r.statusCode() == 200 && r.jsonPath()
                        .getList("items.findAll { it.facilityName == '札幌デモクリニック' && it.kind == 'MEDICATION' }")
                        .size() == 1);

        Page page = portal.signIn("patient-demo", "demo", "/me");
        Locator view = page.getByTestId("my-access-log").locator("tr[data-kind=MEDICATION][data-basis=CONSENT]");
        assertThat(view).hasCount(1);
        assertThat(view).containsText("札幌デモクリニック");
        assertThat(view).containsText("ご本人の同意");
        // the medication with the names of the facilities from the master; the checkups with their judgement
        assertThat(page.getByTestId("my-medications")).containsText("アムロジピン錠5mg");
        assertThat(page.getByTestId("my-medications")).containsText("新宿デモ薬局");
        assertThat(page.getByTestId("my-checkups").getByTestId("metabolic")).hasCount(2);
        assertThat(page.getByTestId("item-trend").locator("canvas")).isVisible();
        Portal.screenshot(page, "patient-records");

        // in English, on a phone-sized screen
        page.getByRole(AriaRole.BUTTON,
                new Page.GetByRoleOptions().setName("English")).click();
        assertThat(view).containsText("My consent");
        page.setViewportSize(390, 844);
        Portal.screenshot(page, "patient-records-narrow-en");
        page.context().close();
    }

    /** A dispensing (prescribed in Sapporo, dispensed in Shinjuku) and two yearly checkups of the demo patient. */
    private static void recordTheDemoPatientsDispensingAndCheckups() {
        Map<String, Object> line = new HashMap<>(Map.of("insurerNumber", "06130017", "symbol", "1234", "number",
                "5678", "branch", "00", "dispensedOn", TODAY.minusDays(3).toString(), "prescribedOn",
                TODAY.minusDays(3).toString(), "drugCode", "2171022F1020", "drugName", "アムロジピン錠5mg", "quantity",
                28, "unit", "錠"));
        line.putAll(Map.of("ingredient", "アムロジピンベシル酸塩", "usage", "1日1回朝食後", "days", 28, "setting",
                "OUTPATIENT", "dispensingFacilityCode", "1340123452", "prescribingFacilityCode", "0110113719"));
        String feed = Keycloak.clientToken("claims-feed");
        String dispensing = given().auth().oauth2(feed).contentType(ContentType.JSON)
                .header("Idempotency-Key", "e2e-portal-" + System.nanoTime())
                .body(Map.of("records", List.of(line))).post("/api/v1/claims/dispensing-batches").then()
                .statusCode(202).extract().path("batchId");
        KafkaTestKit.await("the patient's dispensing to attach", () -> given().auth().oauth2(feed)
                .get("/api/v1/claims/dispensing-batches/{id}", dispensing),
                r -> Integer.valueOf(1).equals(r.path("attached")));

        String insurer = Keycloak.clientToken("insurer-06130017");
        List<Map<String, Object>> checkups = List.of(
                checkup(TODAY.minusMonths(14), 84.0, 92.0, 142, 172, 112),
                checkup(TODAY.minusMonths(2), 80.0, 89.0, 132, 150, 98));
        KafkaTestKit.await("the checkup batch to be accepted", java.time.Duration.ofSeconds(60), () -> {
            String batch = given().auth().oauth2(insurer).contentType(ContentType.JSON)
                    .header("Idempotency-Key", "e2e-portal-checkup-" + System.nanoTime())
                    .body(Map.of("records", checkups)).post("/api/v1/insurers/06130017/checkup-batches").then()
                    .statusCode(202).extract().path("batchId");
            return KafkaTestKit.await("the checkup batch to complete", () -> given().auth().oauth2(insurer)
                    .get("/api/v1/insurers/06130017/checkup-batches/{id}", batch),
                    r -> "COMPLETED".equals(r.path("status")));
        }, report -> Integer.valueOf(2).equals(report.path("accepted")));
    }

    private static Map<String, Object> checkup(LocalDate on, double weight, double waist, int systolic,
            int triglycerides, int glucose) {
        return Map.of("symbol", "1234", "number", "5678", "branch", "00", "sex", "MALE", "examinedOn", on.toString(),
                "items", Map.of("heightCm", 170.0, "weightKg", weight, "waistCm", waist, "systolic", systolic,
                        "diastolic", 85, "triglycerides", triglycerides, "hdl", 45, "fastingGlucose", glucose,
                        "hba1c", 5.9));
    }

    private static void assertStage(Page page, String stage) {
        assertThat(page.locator("ol.progress li[aria-current=step]")).hasAttribute("data-stage", stage);
    }

    private static Response check(String token) {
        Map<String, Object> body = new HashMap<>(Map.of("method", "INSURANCE_CARD", "visitDate", TODAY.toString(),
                "insurerNumber", "06130017", "symbol", "1234", "number", "5678", "branch", "00"));
        body.put("birthDate", "1980-04-01");
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(body)
                .post("/api/v1/eligibility/checks");
    }

}
