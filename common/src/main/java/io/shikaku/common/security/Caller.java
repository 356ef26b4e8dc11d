package io.shikaku.common.security;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonString;

import org.eclipse.microprofile.jwt.JsonWebToken;

import io.shikaku.common.identifier.FacilityCode;
import io.shikaku.common.problem.ProblemException;

/** The caller's binding claims from its verified token (API.md): a caller acts only within them. */
@RequestScoped
public class Caller {

    public static final String FACILITY_CODE = "facility_code";

    @Inject
    JsonWebToken token;

    /** The facility the token is bound to; 403 when the token carries none or a malformed one. */
    public String facilityCode() {
        String code = claim(FACILITY_CODE);
        if (code == null || !FacilityCode.isValid(code)) {
            throw ProblemException.forbidden("The token is not bound to a valid facility code");
        }
        return code;
    }

    /** A string claim's value; null when absent or not a string (an array or object never passes as a binding). */
    private String claim(String name) {
        Object value = token.getClaim(name);
        if (value instanceof String text) {
            return text;
        }
        return value instanceof JsonString json ? json.getString() : null;
    }
}
