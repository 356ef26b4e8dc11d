package io.shikaku.facility.subsidy;

import java.time.LocalDate;

import jakarta.inject.Inject;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.quarkus.security.PermissionsAllowed;
import io.shikaku.common.json.CalendarDates;
import io.shikaku.common.problem.ProblemException;
import io.shikaku.common.security.Bindings;
import io.shikaku.common.security.FacilityBinding;
import io.shikaku.facility.master.FacilityAccess;
import io.shikaku.facility.master.Today;
import io.smallrye.mutiny.Uni;

/** Subsidy estimates from the versioned, dated rules of 医療情報化支援基金 (DOMAIN.md §9). */
@Path("/api/v1/facilities/{facilityCode}/subsidy-estimate")
@Tag(name = "Facilities")
@Produces(MediaType.APPLICATION_JSON)
public class SubsidyResource {

    @Inject
    SubsidyService subsidies;

    @Inject
    FacilityAccess access;

    @Inject
    Today today;

    @GET
    @PermissionsAllowed(value = Bindings.OWN_FACILITY_OR_PORTAL_ADMIN, permission = FacilityBinding.class)
    @Operation(summary = "Estimate the subsidy for a project cost under the rule in force on asOf (default today)",
            description = "readers defaults to the readers applied for (else 1); largeChain only for pharmacies.")
    @APIResponse(responseCode = "200", description = "The rule in force and every amount")
    @APIResponse(responseCode = "400", description = "VALIDATION_FAILED: a parameter is missing or malformed")
    @APIResponse(responseCode = "404", description = "NOT_FOUND: no such facility, or no rule in force on asOf")
    public Uni<SubsidyEstimate> estimate(@PathParam("facilityCode") String facilityCode,
            @QueryParam("projectCost") @NotNull @Min(0) @Max(100_000_000_000L) Long projectCost,
            @QueryParam("readers") @Min(1) @Max(3) Integer readers,
            @QueryParam("largeChain") @DefaultValue("false") @Pattern(regexp = "true|false") String largeChain,
            @QueryParam("asOf") String asOf) {
        access.requireAdministrator(facilityCode);
        LocalDate day = asOf == null
                ? today.date()
                : CalendarDates.parse(asOf)
                        .orElseThrow(() -> ProblemException.invalidField("asOf", CalendarDates.RULE));
        // read as text: a boolean parameter would take anything but "true" (say "yes") for false
        return subsidies.estimate(facilityCode, projectCost, readers, Boolean.parseBoolean(largeChain), day);
    }
}
