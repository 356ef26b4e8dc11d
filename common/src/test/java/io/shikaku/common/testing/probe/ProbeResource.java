package io.shikaku.common.testing.probe;

import java.time.LocalDate;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import io.quarkus.security.PermissionsAllowed;
import io.shikaku.common.security.Bindings;
import io.shikaku.common.security.FacilityBinding;
import io.shikaku.common.security.InsurerBinding;
import io.shikaku.common.security.PersonBinding;

/**
 * Test-only endpoints that every service's tests reach (the test kit is a bean archive): one that reads a JSON body
 * the way real endpoints do, and one per declared binding, so that common's rules are proven inside each service.
 */
@Path(ProbeResource.PATH)
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
public class ProbeResource {

    public static final String PATH = "/api/v1/test-probe";

    /** A body with the kinds of fields the API has. */
    public record ProbeBody(LocalDate day, String text, int count, Boolean flag, Kind kind) {
    }

    /** An enumeration, as many fields of the API are. */
    public enum Kind {
        ONE,
        TWO
    }

    @POST
    @Path("echo")
    @RolesAllowed("clinic")
    public ProbeBody echo(@Valid @NotNull ProbeBody body) {
        return body;
    }

    @GET
    @Path("facilities/{facilityCode}")
    @PermissionsAllowed(value = Bindings.OWN_FACILITY, permission = FacilityBinding.class)
    public String facility(@PathParam("facilityCode") String facilityCode) {
        return facilityCode;
    }

    @GET
    @Path("managed-facilities/{facilityCode}")
    @PermissionsAllowed(value = Bindings.OWN_FACILITY_OR_PORTAL_ADMIN, permission = FacilityBinding.class)
    public String managedFacility(@PathParam("facilityCode") String facilityCode) {
        return facilityCode;
    }

    @GET
    @Path("insurers/{insurerNumber}")
    @PermissionsAllowed(value = Bindings.OWN_INSURER, permission = InsurerBinding.class)
    public String insurer(@PathParam("insurerNumber") String insurerNumber) {
        return insurerNumber;
    }

    @GET
    @Path("persons/{personId}")
    @PermissionsAllowed(value = Bindings.OWN_PERSON, permission = PersonBinding.class)
    public String person(@PathParam("personId") UUID personId) {
        return personId.toString();
    }
}
