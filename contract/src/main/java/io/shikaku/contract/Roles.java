package io.shikaku.contract;

import java.util.List;

/** The realm roles of API.md ("Conventions"); the gateway's routes and the services' checks name them from here. */
public final class Roles {

    public static final String CLINIC = "clinic";
    public static final String FACILITY_ADMIN = "facility-admin";
    public static final String PORTAL_ADMIN = "portal-admin";
    public static final String INSURER = "insurer";
    public static final String CLAIMS_FEED = "claims-feed";
    public static final String PATIENT = "patient";
    public static final String EMERGENCY_STAFF = "emergency-staff";
    public static final String MINISTRY = "ministry";
    public static final String AUDITOR = "auditor";
    public static final String REGISTRY_FEED = "registry-feed";

    public static final List<String> ALL = List.of(CLINIC, FACILITY_ADMIN, PORTAL_ADMIN, INSURER, CLAIMS_FEED, PATIENT,
            EMERGENCY_STAFF, MINISTRY, AUDITOR, REGISTRY_FEED);

    private Roles() {
    }
}
