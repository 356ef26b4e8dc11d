package io.shikaku.medication.view;

import java.time.Clock;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.shikaku.common.json.CalendarDates;
import io.shikaku.common.security.Caller;
import io.shikaku.contract.Roles;
import io.smallrye.mutiny.Uni;

/**
 * The patient's own medication history with the facilities' names (API.md "Patients", DOMAIN.md §6: only the patient
 * sees them), for the personal portal: the person is always the token's {@code person_id}, never a parameter.
 */
@Path("/api/v1/me/medications")
@Tag(name = "Medication")
@RolesAllowed(Roles.PATIENT)
@Produces(MediaType.APPLICATION_JSON)
public class OwnMedicationResource {

    @Inject
    MedicationService medications;

    @Inject
    Caller caller;

    @Inject
    Clock clock;

    @GET
    @Operation(summary = "The caller's own dispensings, newest first, with facility names",
            description = "The dispensings of the token's person (person_id) from `from` (default: 3 years ago) to `to`"
                    + " (default: today, Japan), as a facility sees them plus the dispensing and prescribing"
                    + " facilities' codes and their names in the facility master (null while the master has not"
                    + " named a code; never a name from the claims feed). No consent needed; not recorded as a view.")
    @APIResponse(responseCode = "200", description = "The dispensings (possibly none)")
    @APIResponse(responseCode = "400",
            description = "VALIDATION_FAILED: a date that is not yyyy-MM-dd, or from after to")
    @APIResponse(responseCode = "401", description = "UNAUTHENTICATED")
    @APIResponse(responseCode = "403", description = "FORBIDDEN: not a patient, a token without a valid person_id, or"
            + " the person's My Number linkage is being checked (viewing suspended: the records may not be theirs)")
    public Uni<Medications.OwnView> ownMedications(@QueryParam("from") String from, @QueryParam("to") String to) {
        UUID person = caller.personId();
        ViewPeriod period = ViewPeriod.of(from, to, LocalDate.now(clock.withZone(CalendarDates.JAPAN)));
        return medications.own(person, period.from(), period.to());
    }
}
