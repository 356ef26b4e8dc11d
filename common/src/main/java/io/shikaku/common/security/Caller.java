package io.shikaku.common.security;

import java.util.Locale;
import java.util.UUID;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.jwt.JsonWebToken;

import io.shikaku.common.identifier.FacilityCode;
import io.shikaku.common.problem.ProblemException;
import io.shikaku.contract.Claims;

/** The caller's binding claims from its verified token (API.md): a caller acts only within them. */
@RequestScoped
public class Caller {

    public static final String FACILITY_CODE = Claims.FACILITY_CODE;

    @Inject
    JsonWebToken token;

    /** The facility the token is bound to; 403 when the token carries none or a malformed one. */
    public String facilityCode() {
        String code = BindingClaims.of(token, FACILITY_CODE);
        if (code == null || !FacilityCode.isValid(code)) {
            throw ProblemException.forbidden("The token is not bound to a valid facility code");
        }
        return code;
    }

    /** The person the token is bound to (a patient's {@code person_id}); 403 when it carries none or a bad one. */
    public UUID personId() {
        String id = BindingClaims.of(token, Claims.PERSON_ID);
        try {
            UUID parsed = id == null ? null : UUID.fromString(id);
            if (parsed != null && parsed.toString().equals(id.toLowerCase(Locale.ROOT))) {
                return parsed;
            }
        } catch (IllegalArgumentException e) {
            // not a UUID: refused below
        }
        throw ProblemException.forbidden("The token is not bound to a valid person id");
    }
}
