package io.shikaku.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.microsoft.playwright.Page;

import io.restassured.RestAssured;

/**
 * Facility administrators and patients in the portal, in Debian's Chromium, signed in on the real Keycloak login
 * page: a facility walks from account to go-live and then checks; nobody opens another facility's page; a patient
 * reads who viewed their records.
 */
class PortalFacilityBrowserTest {

    private static final Suite SUITE = new Suite();
    private static Portal portal;

    @BeforeAll
    static void start() throws Exception {
        SUITE.startAll();
        RestAssured.baseURI = Suite.gatewayUrl();
        String admin = Keycloak.userToken("portal-admin");
        given().auth().oauth2(admin).contentType("text/csv; charset=UTF-8")
                .body("facilityCode,type,prefecture,name,accountRegisteredOn,readerAppliedOn,readersApplied,readyOn,goLiveOn\n"
                        + "0110113719,MEDICAL_CLINIC,01,札幌デモ診療所,,,,,\n"
                        + "1310123458,MEDICAL_CLINIC,13,新宿デモ病院,,,,,\n")
                .post("/api/v1/facilities/imports").then().statusCode(200).body("imported", equalTo(2));
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
    void aFacilityAdminCannotOpenAnotherFacilitysPage() {
        Page page = portal.signIn("facility-admin-0110113719", "demo", "/facility/0110113719");
        assertThat(page.getByTestId("facility-name")).hasText("札幌デモ診療所");

        page.navigate(Portal.url("/facility/1310123458"));
        assertThat(page.locator("[role=alert][data-code=FORBIDDEN]")).isVisible();
        assertThat(page.getByTestId("facility-name")).hasCount(0);
        Portal.screenshot(page, "facility-other-forbidden");
        page.context().close();
    }
}
