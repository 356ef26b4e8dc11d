package io.shikaku.facility.master;

import java.io.InputStream;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.quarkus.security.PermissionsAllowed;
import io.shikaku.common.security.Bindings;
import io.shikaku.common.security.FacilityBinding;
import io.shikaku.contract.Roles;
import io.smallrye.mutiny.Uni;

/** The facility master and the onboarding lifecycle (API.md "Facilities and statistics", DOMAIN.md §9). */
@Path("/api/v1/facilities")
@Tag(name = "Facilities")
@Produces(MediaType.APPLICATION_JSON)
public class FacilityResource {

    public static final int MAX_PAGE_SIZE = 500;

    @Inject
    MasterImport masterImport;

    @Inject
    FacilityService facilities;

    @Inject
    FacilityAccess access;

    @Inject
    JsonWebToken token;

    @POST
    @Path("imports")
    @Consumes("text/csv")
    @RolesAllowed(Roles.PORTAL_ADMIN)
    @Operation(summary = "Import the facility master (upsert by facility code)",
            description = "A text/csv body (UTF-8) with the header " + MasterRows.HEADER
                    + "; dates yyyy-MM-dd or empty. Every line is checked; a bad line is reported by number (the header"
                    + " is line 1) and does not stop the good ones. Up to " + MasterImport.MAX_REPORTED
                    + " errors are listed. Each facility the import changes is published on facility-lifecycle.")
    @APIResponse(responseCode = "200", description = "Rows imported and rejected, and why")
    @APIResponse(responseCode = "400",
            description = "VALIDATION_FAILED: not UTF-8 CSV, or the header is not the master's")
    @APIResponse(responseCode = "403", description = "FORBIDDEN: not a portal administrator")
    @APIResponse(responseCode = "415", description = "UNSUPPORTED_MEDIA_TYPE: the body is not text/csv")
    public ImportResult importMaster(InputStream body) {
        return masterImport.run(body, Actor.of(token));
    }

    @GET
    @RolesAllowed(Roles.PORTAL_ADMIN)
    @Operation(summary = "Search the facility master",
            description = "Every given filter applies; stage is today's (Japan) lifecycle stage; q matches a code"
                    + " prefix or part of the name. Pages count from 0; at most " + MAX_PAGE_SIZE + " per page.")
    @APIResponse(responseCode = "200", description = "One page of facilities, ordered by facility code")
    @APIResponse(responseCode = "400", description = "VALIDATION_FAILED: a filter or paging parameter is malformed")
    public Uni<FacilityPage> search(
            @QueryParam("prefecture") @Pattern(regexp = "0[1-9]|[1-3][0-9]|4[0-7]") String prefecture,
            @QueryParam("type") @Pattern(regexp = "HOSPITAL|MEDICAL_CLINIC|DENTAL_CLINIC|PHARMACY") String type,
            @QueryParam("stage") @Pattern(
                    regexp = "REGISTERED|ACCOUNT_REGISTERED|READER_APPLIED|READY|LIVE") String stage,
            @QueryParam("q") @Size(min = 1, max = 100) String q,
            @QueryParam("page") @DefaultValue("0") @Min(0) @Max(1_000_000) int page,
            @QueryParam("size") @DefaultValue("50") @Min(1) @Max(MAX_PAGE_SIZE) int size) {
        return facilities.search(prefecture, type == null ? null : FacilityType.valueOf(type),
                stage == null ? null : Stage.valueOf(stage), q == null ? null : q.strip(), page, size);
    }

    @GET
    @Path("{facilityCode}")
    @PermissionsAllowed(value = Bindings.OWN_FACILITY_OR_PORTAL_ADMIN, permission = FacilityBinding.class)
    @Operation(summary = "One facility with its lifecycle dates and today's stage")
    @APIResponse(responseCode = "200", description = "The facility")
    @APIResponse(responseCode = "403", description = "FORBIDDEN: neither its facility-admin nor a portal administrator")
    @APIResponse(responseCode = "404", description = "NOT_FOUND: not in the master")
    public Uni<FacilityView> facility(@PathParam("facilityCode") String facilityCode) {
        access.requireAdministrator(facilityCode);
        return facilities.find(facilityCode);
    }

    @GET
    @Path("{facilityCode}/history")
    @PermissionsAllowed(value = Bindings.OWN_FACILITY_OR_PORTAL_ADMIN, permission = FacilityBinding.class)
    @Operation(summary = "Every change of one facility, oldest first",
            description = "Each import that changed it, each lifecycle step and each emergency-terminal change: when,"
                    + " what (change, and the fields it changed), by whom (changedBy: the access token's subject;"
                    + " changedByName: its preferred_username, if any; both null for RECORDED, the state a facility"
                    + " had when histories began) and the facility's state after it.")
    @APIResponse(responseCode = "200", description = "The facility's history")
    @APIResponse(responseCode = "400", description = "VALIDATION_FAILED: not a valid facility code")
    @APIResponse(responseCode = "403", description = "FORBIDDEN: neither its facility-admin nor a portal administrator")
    @APIResponse(responseCode = "404", description = "NOT_FOUND: not in the master")
    public Uni<FacilityHistoryView> history(@PathParam("facilityCode") String facilityCode) {
        access.requireAdministrator(facilityCode);
        return facilities.history(facilityCode);
    }

    @POST
    @Path("{facilityCode}/account")
    @Consumes(MediaType.APPLICATION_JSON)
    @PermissionsAllowed(value = Bindings.OWN_FACILITY_OR_PORTAL_ADMIN, permission = FacilityBinding.class)
    @Operation(summary = "Register the facility's portal account (registeredOn defaults to today)")
    @APIResponse(responseCode = "200", description = "The facility after the step")
    @APIResponse(responseCode = "409", description = "INVALID_LIFECYCLE_STEP: the account is already registered")
    public Uni<FacilityView> registerAccount(@PathParam("facilityCode") String facilityCode,
            LifecycleRequests.Account request) {
        access.requireAdministrator(facilityCode);
        return facilities.registerAccount(facilityCode, request == null ? null : request.registeredOn());
    }

    @POST
    @Path("{facilityCode}/reader-applications")
    @Consumes(MediaType.APPLICATION_JSON)
    @PermissionsAllowed(value = Bindings.OWN_FACILITY_OR_PORTAL_ADMIN, permission = FacilityBinding.class)
    @Operation(summary = "Apply for card readers (hospitals 1–3, others 1)")
    @APIResponse(responseCode = "200", description = "The facility after the step")
    @APIResponse(responseCode = "409",
            description = "INVALID_LIFECYCLE_STEP: no account yet, already applied, or dated before the account")
    public Uni<FacilityView> applyForReaders(@PathParam("facilityCode") String facilityCode,
            @Valid @NotNull LifecycleRequests.ReaderApplication request) {
        access.requireAdministrator(facilityCode);
        return facilities.applyForReaders(facilityCode, request.readers(), request.appliedOn());
    }

    @POST
    @Path("{facilityCode}/readiness")
    @Consumes(MediaType.APPLICATION_JSON)
    @PermissionsAllowed(value = Bindings.OWN_FACILITY_OR_PORTAL_ADMIN, permission = FacilityBinding.class)
    @Operation(summary = "Report preparation complete (準備完了)")
    @APIResponse(responseCode = "200", description = "The facility after the step")
    @APIResponse(responseCode = "409",
            description = "INVALID_LIFECYCLE_STEP: no reader application yet, already ready, or dated before it")
    public Uni<FacilityView> markReady(@PathParam("facilityCode") String facilityCode,
            @Valid @NotNull LifecycleRequests.Readiness request) {
        access.requireAdministrator(facilityCode);
        return facilities.markReady(facilityCode, request.readyOn());
    }

    @PUT
    @Path("{facilityCode}/go-live")
    @Consumes(MediaType.APPLICATION_JSON)
    @PermissionsAllowed(value = Bindings.OWN_FACILITY_OR_PORTAL_ADMIN, permission = FacilityBinding.class)
    @Operation(summary = "Register or move the go-live date (運用開始日)",
            description = "Only once ready, never before the ready date; the date may change until it has come.")
    @APIResponse(responseCode = "200", description = "The facility with its go-live date")
    @APIResponse(responseCode = "409",
            description = "INVALID_LIFECYCLE_STEP: not ready, before the ready date, or already live")
    public Uni<FacilityView> setGoLive(@PathParam("facilityCode") String facilityCode,
            @Valid @NotNull LifecycleRequests.GoLive request) {
        access.requireAdministrator(facilityCode);
        return facilities.setGoLive(facilityCode, request.goLiveOn());
    }

    @PUT
    @Path("{facilityCode}/emergency-terminal")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.PORTAL_ADMIN)
    @Operation(summary = "Whether the facility has an emergency terminal (only those may make EMERGENCY lookups)")
    @APIResponse(responseCode = "200", description = "The facility")
    @APIResponse(responseCode = "404", description = "NOT_FOUND: not in the master")
    public Uni<FacilityView> setEmergencyTerminal(@PathParam("facilityCode") String facilityCode,
            @Valid @NotNull LifecycleRequests.EmergencyTerminal request) {
        FacilityAccess.requireValidCode(facilityCode);
        return facilities.setEmergencyTerminal(facilityCode, request.enabled());
    }
}
