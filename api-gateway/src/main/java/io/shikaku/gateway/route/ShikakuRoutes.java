package io.shikaku.gateway.route;

import static io.shikaku.contract.Roles.AUDITOR;
import static io.shikaku.contract.Roles.CLAIMS_FEED;
import static io.shikaku.contract.Roles.CLINIC;
import static io.shikaku.contract.Roles.EMERGENCY_STAFF;
import static io.shikaku.contract.Roles.FACILITY_ADMIN;
import static io.shikaku.contract.Roles.INSURER;
import static io.shikaku.contract.Roles.MINISTRY;
import static io.shikaku.contract.Roles.PATIENT;
import static io.shikaku.contract.Roles.PORTAL_ADMIN;
import static io.shikaku.contract.Roles.REGISTRY_FEED;
import static io.shikaku.gateway.route.Service.CHECKUP;
import static io.shikaku.gateway.route.Service.ELIGIBILITY;
import static io.shikaku.gateway.route.Service.FACILITY;
import static io.shikaku.gateway.route.Service.MEDICATION;

/**
 * The route table of API.md v1, the one place it is written: path pattern, owning service, realm roles allowed. The
 * README's table and the OpenAPI description are checked against or generated from it.
 */
public final class ShikakuRoutes {

    public static final String API_ROOT = "/api/v1";
    /** The metrics name of an API request that matches no route. */
    public static final String UNROUTED = API_ROOT + "/**";

    private ShikakuRoutes() {
    }

    public static RouteTable table() {
        return RouteTable.builder()
                .route("/api/v1/eligibility/**", ELIGIBILITY, CLINIC)
                .route("/api/v1/card-registrations/**", ELIGIBILITY, PATIENT, CLINIC)
                .route("/api/v1/insurers/*/member-batches/**", ELIGIBILITY, INSURER)
                .route("/api/v1/insurers/*/held-records/**", ELIGIBILITY, INSURER)
                .route("/api/v1/resident-registry/**", ELIGIBILITY, REGISTRY_FEED)
                .route("/api/v1/disasters/**", ELIGIBILITY, MINISTRY)
                .route("/api/v1/emergency/**", ELIGIBILITY, EMERGENCY_STAFF)
                .route("/api/v1/me/access-log", ELIGIBILITY, PATIENT)
                .route("/api/v1/audit/**", ELIGIBILITY, AUDITOR)
                .route("/api/v1/persons/*/medications/**", MEDICATION, CLINIC, EMERGENCY_STAFF)
                .route("/api/v1/claims/**", MEDICATION, CLAIMS_FEED)
                .route("/api/v1/me/medications/**", MEDICATION, PATIENT)
                .route("/api/v1/persons/*/checkups/**", CHECKUP, CLINIC, EMERGENCY_STAFF)
                .route("/api/v1/insurers/*/checkup-batches/**", CHECKUP, INSURER)
                .route("/api/v1/me/checkups/**", CHECKUP, PATIENT)
                .route("/api/v1/facilities/**", FACILITY, PORTAL_ADMIN, FACILITY_ADMIN)
                .route("/api/v1/stats/**", FACILITY, PORTAL_ADMIN)
                .build();
    }
}
