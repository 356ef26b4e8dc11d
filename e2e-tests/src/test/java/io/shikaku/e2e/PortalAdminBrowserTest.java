package io.shikaku.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;

import io.restassured.RestAssured;
import io.restassured.config.HttpClientConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.http.ContentType;
import io.shikaku.common.identifier.CheckDigit;

/**
 * The portal administrator in the portal, in Debian's Chromium, signed in on the real Keycloak login page: reads
 * DOMAIN.md §10's figures of 2021-11-21 off the statistics page (table, prefecture map and its legend), searches the
 * national master and opens a facility and its history, and uploads a CSV whose bad lines are reported by number.
 */
class PortalAdminBrowserTest {

    private static final Suite SUITE = new Suite();
    private static final String HEADER = "facilityCode,type,prefecture,name,accountRegisteredOn,readerAppliedOn,readersApplied,readyOn,goLiveOn";
    private static Portal portal;

    @BeforeAll
    static void start() throws Exception {
        SUITE.startAll();
        RestAssured.baseURI = Suite.gatewayUrl();
        RestAssured.config = RestAssuredConfig.config().httpClient(HttpClientConfig.httpClientConfig()
                .setParam("http.connection.timeout", 5_000).setParam("http.socket.timeout", 120_000));
        byte[] master = NationalMaster.csv();
        given().auth().oauth2(Keycloak.userToken("portal-admin")).contentType("text/csv; charset=UTF-8").body(master)
                .post("/api/v1/facilities/imports").then().statusCode(200).body("imported", equalTo(229_202))
                .body("rejected", equalTo(0));
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
    void theStatisticsOfNovember2021ShowTheReportsFiguresInTheTableAndOnTheMap() throws Exception {
        Page page = portal.signIn("portal-admin", "demo", "/admin/stats?asOf=2021-11-21");
        Locator adoption = page.getByTestId("adoption-table");
        Locator total = adoption.locator("tr[data-type=TOTAL]");
        assertThat(total.locator("[data-field=facilities]")).hasText("229,202");
        assertThat(total.locator("[data-field=readerApplied]")).hasText("129,410");
        assertThat(total.locator("[data-field=readerAppliedRate]")).hasText("56.5 %");
        assertThat(total.locator("[data-field=ready]")).hasText("25,967");
        assertThat(total.locator("[data-field=readyRate]")).hasText("11.3 %");
        assertThat(total.locator("[data-field=live]")).hasText("17,394");
        assertThat(total.locator("[data-field=liveRate]")).hasText("7.6 %");
        Locator hospital = adoption.locator("tr[data-type=HOSPITAL]");
        assertThat(hospital.locator("th")).hasText("病院");
        assertThat(hospital.locator("[data-field=facilities]")).hasText("8,230");
        assertThat(hospital.locator("[data-field=readerApplied]")).hasText("6,391");
        assertThat(hospital.locator("[data-field=readerAppliedRate]")).hasText("77.7 %");
        assertThat(page.getByTestId("adoption-chart")).hasAttribute("data-drawn", "true");

        // hospitals' prefectures, as the report summarises them: 1 at 90 % or more, 22 at 80–90, 21 at 70–80
        page.getByLabel("施設種別").selectOption("HOSPITAL");
        page.waitForURL(Pattern.compile(".*type=HOSPITAL.*"));
        Locator legend = page.getByTestId("band-legend");
        assertThat(legend.locator("li[data-from='90']")).hasAttribute("data-prefectures", "1");
        assertThat(legend.locator("li[data-from='80']")).hasAttribute("data-prefectures", "22");
        assertThat(legend.locator("li[data-from='70']")).hasAttribute("data-prefectures", "21");
        assertThat(legend.locator("li[data-from='60']")).hasAttribute("data-prefectures", "3");
        assertThat(legend.locator("li[data-from='90'] .band-count")).hasText("1 都道府県");
        assertThat(page.getByTestId("prefecture-table").locator("tbody tr")).hasCount(47);
        assertThat(page.getByTestId("prefecture-map-chart")).hasAttribute("data-drawn", "true");
        Map<String, Double> rates = new ObjectMapper().readValue(
                page.getByTestId("prefecture-map").getAttribute("data-rates"), new TypeReference<>() {
                });
        assertEquals(47, rates.size());
        assertEquals(1, rates.values().stream().filter(rate -> rate >= 90).count());
        assertEquals(22, rates.values().stream().filter(rate -> rate >= 80 && rate < 90).count());
        Number painted = (Number) page.getByTestId("prefecture-map-chart").locator("canvas").evaluate(
                "c => { const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data; let n = 0;"
                        + " for (let i = 3; i < d.length; i += 4) if (d[i] > 0) n++; return n; }");
        assertTrue(painted.intValue() > 10_000, "the map is drawn: " + painted + " pixels painted");

        page.getByLabel("開始日").first().fill("2021-10-20");
        page.getByTestId("trend-form").locator("button[type=submit]").click();
        assertThat(page.getByTestId("trend-table").locator("tr[data-type=TOTAL] [data-field=readyIncrease]"))
                .hasText("+5,605");
        assertThat(page.getByTestId("trend-table").locator("tr[data-type=TOTAL] [data-field=liveIncrease]"))
                .hasText("+5,718");
        assertThat(page.getByTestId("usage-table")).isVisible();
        assertThat(page.getByTestId("usage-chart")).hasAttribute("data-drawn", "true");
        Portal.screenshot(page, "admin-stats");

        page.reload();
        assertThat(page.getByLabel("施設種別")).hasValue("HOSPITAL");
        assertThat(page.getByTestId("band-legend").locator("li[data-from='80']")).hasAttribute("data-prefectures",
                "22");
        page.context().close();

        Page narrow = portal.signIn("portal-admin", "demo", "/admin/stats?asOf=2021-11-21&type=HOSPITAL", 390, 844);
        assertThat(narrow.getByTestId("prefecture-map-chart")).hasAttribute("data-drawn", "true");
        Portal.screenshot(narrow, "admin-stats-narrow");
        narrow.context().close();
    }

    @Test
    void theAdministratorSearchesTheMasterAndOpensAFacilityAndItsHistory() {
        Page page = portal.signIn("portal-admin", "demo", "/admin/facilities");
        Locator form = page.getByTestId("facility-search");
        form.getByLabel("都道府県").selectOption("13");
        form.getByLabel("種別").selectOption("HOSPITAL");
        form.getByLabel("現在の段階").selectOption("LIVE");
        form.locator("button[type=submit]").click();
        page.waitForURL(Pattern.compile(".*#/admin/facilities\\?.*prefecture=13.*"));
        Locator rows = page.getByTestId("facility-results").locator("tbody tr");
        assertThat(rows.first()).containsText("東京都");
        assertThat(rows.first()).containsText("病院");
        assertThat(rows.first()).containsText("運用開始");
        String code = rows.first().getAttribute("data-code");
        String name = rows.first().locator("td").nth(1).innerText();
        Portal.screenshot(page, "admin-search");

        String admin = Keycloak.userToken("portal-admin");
        for (boolean enabled : new boolean[] {false, true}) {
            given().auth().oauth2(admin).contentType(ContentType.JSON).body(Map.of("enabled", enabled))
                    .put("/api/v1/facilities/" + code + "/emergency-terminal").then().statusCode(200);
        }

        rows.first().getByText(code).click();
        page.waitForURL(Pattern.compile(".*#/facility/" + code));
        assertThat(page.getByTestId("facility-name")).hasText(name);
        page.goBack();
        assertThat(page.getByTestId("facility-search").getByLabel("現在の段階")).hasValue("LIVE");

        page.getByTestId("facility-results").locator("tr[data-code='" + code + "']")
                .getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName(code + " の変更履歴")).click();
        Locator history = page.getByTestId("facility-history");
        assertThat(history.locator("tr[data-change=EMERGENCY_TERMINAL]").first()).containsText("救急用端末: あり");
        assertThat(history.locator("tr[data-change=EMERGENCY_TERMINAL]").first().locator("td").nth(3))
                .hasText("portal-admin");
        assertTrue(history.locator("tr[data-change=IMPORT], tr[data-change=RECORDED]").count() >= 1,
                "the facility's history begins with its import");
        Portal.screenshot(page, "admin-facility-history");
        page.context().close();
    }

    @Test
    void anUploadedMasterWithABadLineIsReportedLineByLine() throws Exception {
        String digits = "474" + "000" + String.format("%03d", (int) (System.nanoTime() % 1000));
        String code = digits + CheckDigit.of(digits);
        String wrongCheckDigit = digits + ((CheckDigit.of(digits) + 1) % 10);
        Path csv = Files.createTempFile("master-", ".csv");
        Files.writeString(csv, HEADER + "\n" + code + ",PHARMACY,47,那覇テスト薬局,,,,,\n" + wrongCheckDigit
                + ",PHARMACY,47,検査桁違い薬局,,,,,\n" + code + ",PHARMACY,01,県違い薬局,,,,,\n", StandardCharsets.UTF_8);

        Page page = portal.signIn("portal-admin", "demo", "/admin/import");
        page.getByLabel("CSV ファイル（UTF-8）").setInputFiles(csv);
        page.getByTestId("import-form").locator("button[type=submit]").click();
        Locator report = page.getByTestId("import-report");
        assertThat(report.getByTestId("imported")).hasText("1");
        assertThat(report.getByTestId("rejected")).hasText("2");
        Locator errors = report.getByTestId("import-errors");
        assertThat(errors.locator("tr[data-line='3']")).containsText("INVALID_FACILITY_CODE");
        assertThat(errors.locator("tr[data-line='4']")).containsText("PREFECTURE_MISMATCH");
        Portal.screenshot(page, "admin-import");
        Files.delete(csv);
        page.context().close();
    }

    @Test
    void theAdministratorDecidesExemptionRequestsAndSeesWhyADecisionFails() {
        String admin = Keycloak.userToken("portal-admin");
        String first = exemptionRequest(admin, "0110113719", "NO_FIBRE_LINE");
        String second = exemptionRequest(admin, "1310123458", "READER_OUT_OF_STOCK");

        Page page = portal.signIn("portal-admin", "demo", "/admin/exemptions");
        Locator approve = page.locator("article[data-id='" + first + "']");
        assertThat(approve).containsText("光回線が利用できない");
        approve.getByLabel("審査コメント").fill("回線工事の予定を確認しました");
        approve.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("承認")).click();
        assertThat(page.getByTestId("decided")).containsText("0110113719");
        assertThat(page.locator("article[data-id='" + first + "']")).hasCount(0);

        // decided elsewhere meanwhile: the page says so beside the request instead of going blank
        Locator reject = page.locator("article[data-id='" + second + "']");
        assertThat(reject).isVisible();
        given().auth().oauth2(admin).contentType(ContentType.JSON).body(Map.of("decision", "APPROVED"))
                .post("/api/v1/facilities/1310123458/exemption-requests/" + second + "/decision").then()
                .statusCode(200);
        reject.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("却下")).click();
        assertThat(reject.locator("[role=alert]")).hasAttribute("data-code", "CONFLICT");
        Portal.screenshot(page, "admin-exemptions");
        page.context().close();
    }

    private static String exemptionRequest(String token, String facilityCode, String reason) {
        return given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(Map.of("reason", reason, "note", "e2e " + System.nanoTime()))
                .post("/api/v1/facilities/" + facilityCode + "/exemption-requests").then().statusCode(201).extract()
                .path("id");
    }
}
