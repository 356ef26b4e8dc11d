package io.shikaku.medication.view;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.shikaku.medication.drug.SupplyOverlap;
import io.vertx.mutiny.sqlclient.Row;

/** The bodies of a facility's medication view and duplicate check (API.md "Medication and checkups"). */
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
