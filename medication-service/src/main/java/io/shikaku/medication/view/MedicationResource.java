package io.shikaku.medication.view;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.shikaku.common.access.Viewer;
import io.shikaku.common.json.CalendarDates;
import io.shikaku.common.problem.ProblemException;
import io.shikaku.common.security.Caller;
import io.shikaku.contract.Roles;
import io.shikaku.medication.drug.DrugCodes;
import io.smallrye.mutiny.Uni;

/**
 * A facility's view of a patient's medication history and its duplicate check (DOMAIN.md §6), for clinic systems and
 * emergency staff of that facility, only with the patient's live consent (or, later, an emergency or disaster grant).
 */
@Path("/api/v1/persons/{personId}/medications")
@Tag(name = "Medication")
@RolesAllowed({Roles.CLINIC, Roles.EMERGENCY_STAFF})
@Produces(MediaType.APPLICATION_JSON)
public class MedicationResource {

    @Inject
    MedicationService medications;

    @Inject
    Caller caller;

    @Inject
    JsonWebToken token;

    @Inject
    Clock clock;

    @GET
    @Operation(summary = "A person's dispensings, newest first",
            description = "Dispensed from `from` (default: 3 years ago) to `to` (default: today, Japan). Drugs and"
                    + " dates only: never the name or code of a facility. Needs a live consent of the person for the"
                    + " caller's facility covering medication; every view is recorded (record-views).")
    @APIResponse(responseCode = "200", description = "The dispensings")
    @APIResponse(responseCode = "400",
            description = "VALIDATION_FAILED: a date that is not yyyy-MM-dd, or from after to")
    @APIResponse(responseCode = "401", description = "UNAUTHENTICATED")
    @APIResponse(responseCode = "403", description = "FORBIDDEN: not a clinic system or emergency staff of a facility")
    @APIResponse(responseCode = "404", description = "NOT_FOUND: no such person, or no live consent for this"
            + " facility (one answer for both)")
    public Uni<Medications.View> view(@PathParam("personId") UUID personId, @QueryParam("from") String from,
            @QueryParam("to") String to) {
        Viewer viewer = viewer();
        ViewPeriod period = ViewPeriod.of(from, to, LocalDate.now(clock.withZone(CalendarDates.JAPAN)));
        return medications.view(viewer, personId, period.from(), period.to());
    }

    @POST
    @Path("duplicate-check")
    @Operation(summary = "Active medications of the same ingredient as a planned prescription",
            description = "The person's dispensings whose drug has the same ingredient as a planned drug (the first"
                    + " seven characters of the national drug price code) and whose supply (dispensedOn through"
                    + " dispensedOn + days - 1) covers the planned start; a finished one is not listed. Same access"
                    + " rule as the view, and recorded as a view.")
    @APIResponse(responseCode = "200", description = "The overlapping active medications (possibly none)")
    @APIResponse(responseCode = "400", description = "VALIDATION_FAILED: startOn or a drug code malformed, no drugs, or"
            + " more than 100")
    @APIResponse(responseCode = "401", description = "UNAUTHENTICATED")
    @APIResponse(responseCode = "403", description = "FORBIDDEN: not a clinic system or emergency staff of a facility")
    @APIResponse(responseCode = "404", description = "NOT_FOUND: no such person, or no live consent for this"
            + " facility (one answer for both)")
    public Uni<Medications.DuplicateCheck> duplicateCheck(@PathParam("personId") UUID personId,
            @NotNull Medications.DuplicateCheckRequest request) {
        Viewer viewer = viewer();
        LocalDate startOn = ViewPeriod.date("startOn", request.startOn());
        List<Medications.PlannedDrug> drugs = request.drugs();
        if (drugs == null || drugs.isEmpty() || drugs.size() > Medications.MAX_PLANNED) {
            throw ProblemException.invalidField("drugs", "must hold 1 to " + Medications.MAX_PLANNED + " drugs");
        }
        List<String> codes = new ArrayList<>(drugs.size());
        for (int i = 0; i < drugs.size(); i++) {
            Medications.PlannedDrug drug = drugs.get(i);
            if (drug == null || !DrugCodes.isValid(drug.drugCode())) {
                throw ProblemException.invalidField("drugs[" + i + "].drugCode",
                        "must be a national drug price code: 7 digits, a capital letter, 3 digits or capital letters"
                                + " and a digit");
            }
            codes.add(drug.drugCode());
        }
        return medications.duplicates(viewer, personId, startOn, codes);
    }

    private Viewer viewer() {
        return Viewer.of(token, caller.facilityCode());
    }
}
