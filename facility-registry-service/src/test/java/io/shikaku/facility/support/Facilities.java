package io.shikaku.facility.support;

import static io.restassured.RestAssured.given;

import io.shikaku.common.testing.Tokens;

/** Puts facilities into the master through the import endpoint, as the portal does. */
public final class Facilities {

    private Facilities() {
    }

    /** A new facility of {@code type} in Tokyo with the given lifecycle columns (five, comma-separated); its code. */
    public static String create(String type, String lifecycle) {
        char kind = switch (type) {
            case "DENTAL_CLINIC" -> '3';
            case "PHARMACY" -> '4';
            default -> '1';
        };
        String code = Codes.fresh("13", kind);
        given().auth().oauth2(Tokens.portalAdmin()).contentType("text/csv")
                .body(io.shikaku.facility.master.MasterRows.HEADER + "\n" + code + "," + type + ",13,Test " + type
                        + "," + lifecycle + "\n")
                .post("/api/v1/facilities/imports").then().statusCode(200)
                .body("imported", org.hamcrest.Matchers.equalTo(1));
        return code;
    }

    public static String registered(String type) {
        return create(type, ",,,,");
    }
}
