package io.shikaku.checkup.view;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.shikaku.checkup.batch.CheckupItems;
import io.shikaku.checkup.metabolic.MetabolicSyndrome;
import io.vertx.core.json.JsonObject;

/** The body of a facility's checkup view (API.md "Medication and checkups"). */
public final class Checkups {

    private Checkups() {
    }

    /** A person's checkups, newest first. */
    public record View(UUID personId, List<Checkup> checkups) {
    }

    /** One examination as stored: its items by name and its metabolic-syndrome judgement (DOMAIN.md §7). */
    public record Checkup(LocalDate examinedOn,
            @Schema(type = SchemaType.OBJECT, description = "By item name, in the order heightCm, weightKg, bmi,"
                    + " waistCm, systolic, diastolic, triglycerides, hdl, ldl, fastingGlucose, hba1c, ast, alt, ggt,"
                    + " urineGlucose, urineProtein, hemoglobin, egfr; an item not examined is absent") Map<String, Item> items,
            MetabolicSyndrome metabolicSyndrome) {

        /** The stored items (jsonb by item name) in the order of API.md. */
        static Checkup of(LocalDate examinedOn, JsonObject stored, String metabolicSyndrome) {
            Map<String, Item> items = new LinkedHashMap<>();
            for (String name : CheckupItems.ALL.keySet()) {
                JsonObject item = stored.getJsonObject(name);
                if (item != null) {
                    items.put(name, new Item(item.getValue("value"), item.getString("unit"), item.getString("code"),
                            item.getBoolean("computed", false) ? Boolean.TRUE : null));
                }
            }
            return new Checkup(examinedOn, items, MetabolicSyndrome.valueOf(metabolicSyndrome));
        }
    }

    /** One item: a number (urine glucose and protein: a grade), its unit, its JLAC10 code, and whether computed. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Item(
            @Schema(description = "A number, or for urine glucose and protein a grade NEGATIVE, TRACE, ONE_PLUS,"
                    + " TWO_PLUS or THREE_PLUS",
                    oneOf = {
                            BigDecimal.class, String.class}) Object value,
            @Schema(description = "Absent for the qualitative urine items") String unit,
            @Schema(description = "The JLAC10 code (17 characters) the result was reported under",
                    example = "3F015000002327101") String code,
            @Schema(description = "true for a BMI computed from height and weight; absent otherwise") Boolean computed){
    }
}
