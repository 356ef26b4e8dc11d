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
import static io.shikaku.gateway.route.RouteGroup.AUDIT;
import static io.shikaku.gateway.route.RouteGroup.BATCHES;
import static io.shikaku.gateway.route.RouteGroup.BULK;
import static io.shikaku.gateway.route.RouteGroup.CARDS;
import static io.shikaku.gateway.route.RouteGroup.CHECKS;
import static io.shikaku.gateway.route.RouteGroup.EMERGENCY;
import static io.shikaku.gateway.route.RouteGroup.FEEDS;
import static io.shikaku.gateway.route.RouteGroup.MY_RECORDS;
import static io.shikaku.gateway.route.RouteGroup.PORTAL;
import static io.shikaku.gateway.route.RouteGroup.VIEWS;
import static io.shikaku.gateway.route.Service.CHECKUP;
import static io.shikaku.gateway.route.Service.ELIGIBILITY;
import static io.shikaku.gateway.route.Service.FACILITY;
import static io.shikaku.gateway.route.Service.MEDICATION;

/**
 * The route table of API.md v1, the one place it is written: path pattern, owning service, rate-limit group, realm
 * roles allowed. The README's table and the OpenAPI description are checked against or generated from it.
 */
public final class ShikakuRoutes {

    public static final String API_ROOT = "/api/v1";
    /** The metrics name of an API request that matches no route. */
    public static final String UNROUTED = API_ROOT + "/**";

    private ShikakuRoutes() {
    }

    public static RouteTable table() {
        return RouteTable.builder()
                .route("/api/v1/eligibility/bulk-inquiries/**", ELIGIBILITY, BULK, CLINIC)
                .route("/api/v1/eligibility/**", ELIGIBILITY, CHECKS, CLINIC)
                .route("/api/v1/card-registrations/**", ELIGIBILITY, CARDS, PATIENT, CLINIC)
                .route("/api/v1/insurers/*/member-batches/**", ELIGIBILITY, BATCHES, INSURER)
                .route("/api/v1/insurers/*/held-records/**", ELIGIBILITY, BATCHES, INSURER)
                .route("/api/v1/resident-registry/**", ELIGIBILITY, FEEDS, REGISTRY_FEED)
                .route("/api/v1/disasters/**", ELIGIBILITY, EMERGENCY, MINISTRY)
                .route("/api/v1/emergency/**", ELIGIBILITY, EMERGENCY, EMERGENCY_STAFF)
                .route("/api/v1/me/access-log", ELIGIBILITY, MY_RECORDS, PATIENT)
                .route("/api/v1/audit/**", ELIGIBILITY, AUDIT, AUDITOR)
                .route("/api/v1/persons/*/medications/**", MEDICATION, VIEWS, CLINIC, EMERGENCY_STAFF)
                .route("/api/v1/claims/**", MEDICATION, FEEDS, CLAIMS_FEED)
                .route("/api/v1/me/medications/**", MEDICATION, MY_RECORDS, PATIENT)
                .route("/api/v1/persons/*/checkups/**", CHECKUP, VIEWS, CLINIC, EMERGENCY_STAFF)
                .route("/api/v1/insurers/*/checkup-batches/**", CHECKUP, BATCHES, INSURER)
                .route("/api/v1/me/checkups/**", CHECKUP, MY_RECORDS, PATIENT)
                .route("/api/v1/facilities/**", FACILITY, PORTAL, PORTAL_ADMIN, FACILITY_ADMIN)
                .route("/api/v1/stats/**", FACILITY, PORTAL, PORTAL_ADMIN)
                .build();
    }
}
