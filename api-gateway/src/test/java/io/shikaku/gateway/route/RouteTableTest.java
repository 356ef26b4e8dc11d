package io.shikaku.gateway.route;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class RouteTableTest {

    private final RouteTable table = ShikakuRoutes.table();

    @ParameterizedTest
    @CsvSource({
            "/api/v1/eligibility/checks, ELIGIBILITY, clinic",
            "/api/v1/eligibility/checks/abc, ELIGIBILITY, clinic",
            "/api/v1/eligibility/bulk-inquiries, ELIGIBILITY, clinic",
            "/api/v1/card-registrations, ELIGIBILITY, clinic patient",
            "/api/v1/card-registrations/SERIAL-1, ELIGIBILITY, clinic patient",
            "/api/v1/insurers/33120015/member-batches, ELIGIBILITY, insurer",
            "/api/v1/insurers/33120015/member-batches/b-1, ELIGIBILITY, insurer",
            "/api/v1/insurers/33120015/held-records, ELIGIBILITY, insurer",
            "/api/v1/resident-registry/imports, ELIGIBILITY, registry-feed",
            "/api/v1/disasters, ELIGIBILITY, ministry",
            "/api/v1/emergency/lookups, ELIGIBILITY, emergency-staff",
            "/api/v1/me/access-log, ELIGIBILITY, patient",
            "/api/v1/persons/P1/medications, MEDICATION, clinic emergency-staff",
            "/api/v1/persons/P1/medications/duplicate-check, MEDICATION, clinic emergency-staff",
            "/api/v1/claims/dispensing-batches, MEDICATION, claims-feed",
            "/api/v1/me/medications, MEDICATION, patient",
            "/api/v1/persons/P1/checkups, CHECKUP, clinic emergency-staff",
            "/api/v1/insurers/33120015/checkup-batches, CHECKUP, insurer",
            "/api/v1/insurers/33120015/checkup-batches/b-2, CHECKUP, insurer",
            "/api/v1/me/checkups, CHECKUP, patient",
            "/api/v1/facilities/imports, FACILITY, facility-admin portal-admin",
            "/api/v1/facilities/1310000001/go-live, FACILITY, facility-admin portal-admin",
            "/api/v1/stats/adoption/prefectures, FACILITY, portal-admin",
    })
    void routesEachPathToItsServiceWithItsRoles(String path, Service service, String roles) {
        Route route = table.match(path).orElseThrow(() -> new AssertionError("no route for " + path));
        assertEquals(service, route.service(), path);
        assertEquals(Set.of(roles.split(" ")), route.roles(), path);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "/api/v1",
            "/api/v1/",
            "/api/v1/unknown",
            "/api/v1/me",
            "/api/v1/me/access-log/extra",
            "/api/v1/me/profile",
            "/api/v1/insurers",
            "/api/v1/insurers/33120015",
            "/api/v1/insurers/33120015/other",
            "/api/v1/insurers//member-batches",
            "/api/v1/persons/P1",
            "/api/v1/persons/P1/other",
            "/api/v1/eligibilityx",
            "/api/v2/eligibility/checks",
            "/eligibility/checks",
            "",
    })
    void hasNoRouteFor(String path) {
        assertTrue(table.match(path).isEmpty(), path);
    }

    @Test
    void firstMatchingRouteWins() {
        RouteTable ordered = RouteTable.builder()
                .route("/a/special", Service.CHECKUP, RouteGroup.VIEWS, "x")
                .route("/a/**", Service.ELIGIBILITY, RouteGroup.CHECKS, "y")
                .build();
        assertEquals(Service.CHECKUP, ordered.match("/a/special").orElseThrow().service());
        assertEquals(Service.ELIGIBILITY, ordered.match("/a/other").orElseThrow().service());
    }

    @Test
    void routeAllowsAnyOfItsRoles() {
        Route route = table.match("/api/v1/facilities/1").orElseThrow();
        assertTrue(route.allows(List.of("portal-admin")));
        assertTrue(route.allows(List.of("offline_access", "facility-admin")));
        assertFalse(route.allows(List.of("clinic")));
        assertFalse(route.allows(List.of()));
    }

    @Test
    void everyApiRouteLivesUnderApiRoot() {
        table.routes().forEach(route -> assertTrue(route.pattern().toString().startsWith(ShikakuRoutes.API_ROOT + "/"),
                route.pattern().toString()));
    }
}
