package io.shikaku.gateway.route;

import static io.shikaku.gateway.route.Service.CHECKUP;
import static io.shikaku.gateway.route.Service.ELIGIBILITY;
import static io.shikaku.gateway.route.Service.FACILITY;
import static io.shikaku.gateway.route.Service.MEDICATION;

/** The route table of the Shikaku API v1: path prefix, owning service, realm roles allowed. */
public final class ShikakuRoutes {

    public static final String API_ROOT = "/api/v1";
    /** The metrics name of an API request that matches no route. */
    public static final String UNROUTED = API_ROOT + "/**";

    private ShikakuRoutes() {
    }

    public static RouteTable table() {
        return RouteTable.builder()
                // eligibility-service
                .route("/api/v1/eligibility/**", ELIGIBILITY, "clinic")
                .route("/api/v1/card-registrations/**", ELIGIBILITY, "patient", "clinic")
                .route("/api/v1/insurers/*/member-batches/**", ELIGIBILITY, "insurer")
                .route("/api/v1/insurers/*/held-records/**", ELIGIBILITY, "insurer")
                .route("/api/v1/resident-registry/**", ELIGIBILITY, "registry-feed")
                .route("/api/v1/disasters/**", ELIGIBILITY, "ministry")
                .route("/api/v1/emergency/**", ELIGIBILITY, "emergency-staff")
                .route("/api/v1/me/access-log", ELIGIBILITY, "patient")
                // medication-service
                .route("/api/v1/persons/*/medications/**", MEDICATION, "clinic", "emergency-staff")
                .route("/api/v1/claims/**", MEDICATION, "claims-feed")
                .route("/api/v1/me/medications/**", MEDICATION, "patient")
                // checkup-service
                .route("/api/v1/persons/*/checkups/**", CHECKUP, "clinic", "emergency-staff")
                .route("/api/v1/insurers/*/checkup-batches/**", CHECKUP, "insurer")
                .route("/api/v1/me/checkups/**", CHECKUP, "patient")
                // facility-registry-service
                .route("/api/v1/facilities/**", FACILITY, "portal-admin", "facility-admin")
                .route("/api/v1/stats/**", FACILITY, "portal-admin")
                .build();
    }
}
