package io.shikaku.gateway.portal;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.notNullValue;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.shikaku.gateway.TestDownstream;

/** The portal's static files and settings, as a browser without a token gets them from the gateway. */
@QuarkusTest
@QuarkusTestResource(value = TestDownstream.class, restrictToAnnotatedClass = true)
class PortalTest {

    @Test
    void thePortalPageIsServedWithoutATokenAndUnderAStrictPolicy() {
        String page = given().redirects().follow(false).get("/portal/").then().statusCode(200)
                .contentType(containsString("text/html"))
                .header("Content-Security-Policy", containsString("script-src 'self'"))
                .header("Content-Security-Policy", containsString("connect-src 'self' http://localhost:8180"))
                .header("Content-Security-Policy", containsString("frame-ancestors 'none'"))
                .header("X-Frame-Options", "DENY")
                .header("Referrer-Policy", "no-referrer")
                .header("Cache-Control", "no-cache")
                .header("X-Request-Id", notNullValue())
                .extract().asString();

        // the page's script, fingerprinted by the build, is served too and may be kept for good
        Matcher script = Pattern.compile("src=\"(/portal/assets/[^\"]+\\.js)\"").matcher(page);
        org.junit.jupiter.api.Assertions.assertTrue(script.find(), "the page loads its script: " + page);
        given().get(script.group(1)).then().statusCode(200)
                .contentType(containsString("javascript"))
                .header("Cache-Control", "public, max-age=31536000, immutable");
    }

    @Test
    void withoutTheTrailingSlashThePortalRedirects() {
        given().redirects().follow(false).get("/portal").then().statusCode(302)
                .header("Location", endsWith("/portal/"));
    }

    @Test
    void thePortalLearnsWhereToSignInFromTheGateway() {
        given().get("/portal/config.json").then().statusCode(200)
                .contentType(containsString("application/json"))
                .body("authServerUrl", equalTo("http://localhost:8180"))
                .body("realm", equalTo("shikaku"))
                .body("clientId", equalTo("shikaku-portal"))
                .body("basePath", equalTo("/portal/"));
    }

    @Test
    void aFileThePortalDoesNotHaveIsAProblemNotAPage() {
        given().get("/portal/no-such-file.js").then().statusCode(404)
                .contentType(containsString("application/problem+json"))
                .header("Cache-Control", matchesPattern("no-cache|no-store"));
    }
}
