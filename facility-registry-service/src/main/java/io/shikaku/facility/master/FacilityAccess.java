package io.shikaku.facility.master;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;

import io.quarkus.security.identity.SecurityIdentity;
import io.shikaku.common.identifier.FacilityCode;
import io.shikaku.common.problem.ProblemException;
import io.shikaku.contract.Roles;

/**
 * The role half of "facility-admin of that facility, or portal-admin" (API.md): the binding half is declared on the
 * resource method ({@code OWN_FACILITY_OR_PORTAL_ADMIN}), which a clinic system bound to the facility would pass too.
 */
@RequestScoped
public class FacilityAccess {

    @Inject
    SecurityIdentity identity;

    /** 403 unless the caller administers facilities; 400 for a malformed facility code. */
    public void requireAdministrator(String facilityCode) {
        if (!identity.hasRole(Roles.PORTAL_ADMIN) && !identity.hasRole(Roles.FACILITY_ADMIN)) {
            throw ProblemException.forbidden("Only a facility's administrator or a portal administrator may do this");
        }
        requireValidCode(facilityCode);
    }

    public static void requireValidCode(String facilityCode) {
        if (!FacilityCode.isValid(facilityCode)) {
            throw ProblemException.invalidField("facilityCode",
                    "must be 10 digits: prefecture 01–47, kind 1, 3 or 4, and a valid check digit");
        }
    }
}
