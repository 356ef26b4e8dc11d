package io.shikaku.common.security;

/**
 * The bindings a resource method declares so that a path's facility, insurer or person must be the caller's own (API.md:
 * "a caller acts only within its binding"), e.g.
 * {@code @PermissionsAllowed(value = Bindings.OWN_FACILITY, permission = FacilityBinding.class)} on a method with a
 * {@code facilityCode} parameter. {@link BindingAugmentor} decides them from the verified token.
 */
public final class Bindings {

    /** The method's {@code facilityCode} is the token's {@code facility_code}. */
    public static final String OWN_FACILITY = "own-facility";
    /** As {@link #OWN_FACILITY}, or the caller is a portal administrator (who manages every facility). */
    public static final String OWN_FACILITY_OR_PORTAL_ADMIN = "own-facility-or-portal-admin";
    /** The method's {@code insurerNumber} is the token's {@code insurer_number}. */
    public static final String OWN_INSURER = "own-insurer";
    /** The method's {@code personId} is the token's {@code person_id}. */
    public static final String OWN_PERSON = "own-person";

    private Bindings() {
    }
}
