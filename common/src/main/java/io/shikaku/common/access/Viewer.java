package io.shikaku.common.access;

import jakarta.json.JsonString;

import org.eclipse.microprofile.jwt.JsonWebToken;

import io.shikaku.contract.Claims;

/**
 * Who is viewing (DESIGN.md, Events: {@code record-views}): the facility the token is bound to, the token's subject,
 * the licensed profession of emergency staff when present, and the bearer token itself, which is passed on as it is
 * when eligibility is asked for a consent on the caller's behalf.
 */
public record Viewer(String facilityCode, String subject, String profession, String bearerToken) {

    /** The viewer of a verified token bound to {@code facilityCode}. */
    public static Viewer of(JsonWebToken token, String facilityCode) {
        Object profession = token.getClaim(Claims.PROFESSION);
        if (profession instanceof JsonString json) {
            profession = json.getString();
        }
        return new Viewer(facilityCode, token.getSubject(), profession instanceof String text ? text : null,
                token.getRawToken());
    }

    @Override
    public String toString() {
        return "Viewer[" + facilityCode + ", " + subject + "]";
    }
}
