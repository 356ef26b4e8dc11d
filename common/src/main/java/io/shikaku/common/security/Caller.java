package io.shikaku.common.security;

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
}
