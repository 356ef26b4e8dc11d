package io.shikaku.common.security;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.jwt.JsonWebToken;

import io.shikaku.common.identifier.FacilityCode;
import io.shikaku.common.identifier.InsurerNumber;
import io.shikaku.common.problem.ProblemException;

/** The caller's binding claims from its verified token (API.md): a caller acts only within them. */
@RequestScoped
public class Caller {

    public static final String FACILITY_CODE = "facility_code";
    public static final String INSURER_NUMBER = "insurer_number";
    public static final String PERSON_ID = "person_id";
    public static final String PROFESSION = "profession";

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

    /** The insurer the token is bound to; 403 when it carries none or a malformed one. */
    public String insurerNumber() {
        String number = claim(INSURER_NUMBER);
        if (number == null || !InsurerNumber.isValid(number)) {
            throw ProblemException.forbidden("The token is not bound to a valid insurer number");
        }
        return number;
    }

    /** The person the token is bound to; 403 when it carries none. */
    public String personId() {
        String id = claim(PERSON_ID);
        if (id == null || id.isBlank()) {
            throw ProblemException.forbidden("The token is not bound to a person");
        }
        return id;
    }

    private String claim(String name) {
        Object value = token.getClaim(name);
        return value == null ? null : value.toString().replace("\"", "");
    }
}
