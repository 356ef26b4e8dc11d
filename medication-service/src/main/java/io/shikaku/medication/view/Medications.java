package io.shikaku.medication.view;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonUnwrapped;

import io.shikaku.medication.drug.SupplyOverlap;
import io.vertx.mutiny.sqlclient.Row;

/**
 * The bodies of a facility's medication view and duplicate check (API.md "Medication and checkups") and of the patient's
 * own view (API.md "Patients").
 */
public final class Medications {

    /** At most this many planned drugs in one duplicate check. */
    public static final int MAX_PLANNED = 100;

    private Medications() {
    }

    /** A person's dispensings, newest first; never a facility's name or code. */
    public record View(UUID personId, List<Dispensing> dispensings) {
    }

    /** One dispensing as a facility sees it: drugs and dates, no facility (DOMAIN.md §6). */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Dispensing(LocalDate dispensedOn, LocalDate prescribedOn, String drugCode, String drugName,
            String ingredient, BigDecimal quantity, String unit, String usage, int days,
            @Schema(enumeration = {
                    "OUTPATIENT", "INPATIENT"}) String setting){

        /** Selected as {@link #COLUMNS}. */
        static Dispensing of(Row row) {
            return new Dispensing(row.getLocalDate(0), row.getLocalDate(1), row.getString(2), row.getString(3),
                    row.getString(4), row.getBigDecimal(5), row.getString(6), row.getString(7), row.getInteger(8),
                    row.getString(9));
        }

        static final String COLUMNS = "dispensed_on, prescribed_on, drug_code, drug_name, ingredient, quantity,"
                + " unit, usage, days, setting";
    }

    /** The patient's own dispensings, newest first, with the facilities' codes and their names in the master. */
    public record OwnView(UUID personId, List<OwnDispensing> dispensings) {
    }

    /**
     * One dispensing as the patient sees it (DOMAIN.md §6: only the patient sees facility names): a facility's view of
     * it plus where it was dispensed and prescribed; a name is null while the facility master has not named the code.
     */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record OwnDispensing(@JsonUnwrapped Dispensing dispensing, String dispensingFacilityCode,
            @Schema(nullable = true,
                    description = "The name in the facility master; null while not known") String dispensingFacilityName,
            String prescribingFacilityCode,
            @Schema(nullable = true,
                    description = "The name in the facility master; null while not known") String prescribingFacilityName) {

        /** Selected as {@link #COLUMNS} from {@link #FROM}. */
        static OwnDispensing of(Row row) {
            return new OwnDispensing(Dispensing.of(row), row.getString(10), row.getString(11), row.getString(12),
                    row.getString(13));
        }

        static final String COLUMNS = Dispensing.COLUMNS + ", dispensing_facility_code, df.name,"
                + " prescribing_facility_code, pf.name";

        /** The dispensings with their facilities' names (table {@code facility}, from facility-lifecycle). */
        static final String FROM = "dispensing LEFT JOIN facility df ON df.code = dispensing_facility_code"
                + " LEFT JOIN facility pf ON pf.code = prescribing_facility_code";
    }

    /** A planned prescription: its start and its drugs. */
    public record DuplicateCheckRequest(@Schema(format = "date") String startOn, List<PlannedDrug> drugs) {
    }

    /** A drug of the planned prescription. */
    public record PlannedDrug(@Schema(example = "1149019F1560") String drugCode) {
    }

    /** The active medications that overlap the planned start with the same ingredient as a planned drug. */
    public record DuplicateCheck(UUID personId, LocalDate startOn, List<Overlap> overlapping) {
    }

    /** An active dispensing of the same ingredient as {@code plannedDrugCode}, supplied through {@code lastDay}. */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Overlap(String plannedDrugCode, String ingredientCode, Dispensing dispensing, LocalDate lastDay) {

        static Overlap of(String plannedDrugCode, String ingredientCode, Dispensing d) {
            return new Overlap(plannedDrugCode, ingredientCode, d, SupplyOverlap.lastDay(d.dispensedOn(), d.days()));
        }
    }
}
