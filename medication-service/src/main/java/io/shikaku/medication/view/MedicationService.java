package io.shikaku.medication.view;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.shikaku.common.access.AccessKind;
import io.shikaku.common.access.Viewer;
import io.shikaku.common.access.ViewingAccess;
import io.shikaku.common.own.OwnRecords;
import io.shikaku.medication.drug.DrugCodes;
import io.shikaku.medication.drug.SupplyOverlap;
import io.shikaku.medication.view.Medications.Dispensing;
import io.shikaku.medication.view.Medications.DuplicateCheck;
import io.shikaku.medication.view.Medications.Overlap;
import io.shikaku.medication.view.Medications.OwnDispensing;
import io.shikaku.medication.view.Medications.OwnView;
import io.shikaku.medication.view.Medications.View;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * A facility's view of a person's medication and the duplicate check (DOMAIN.md §6): only through the access rule
 * ({@link ViewingAccess}), which records every view as a {@code record-views} event in the read's own transaction; and
 * the patient's own view, the same read with the facilities' names.
 */
@ApplicationScoped
public class MedicationService {

    /** A person's dispensings of a period, newest first: the facility's view and the patient's own alike. */
    private static final String PERIOD = " WHERE person_id = $1 AND dispensed_on BETWEEN $2 AND $3"
            + " ORDER BY dispensed_on DESC, prescribed_on DESC, id DESC";
    private static final String DISPENSINGS = "SELECT " + Dispensing.COLUMNS + " FROM dispensing" + PERIOD;
    private static final String OWN_DISPENSINGS = "SELECT " + OwnDispensing.COLUMNS + " FROM " + OwnDispensing.FROM
            + PERIOD;
    /** A supply of at most 365 days can be active on the start only if dispensed in the 365 days up to it. */
    private static final String CANDIDATES = "SELECT " + Dispensing.COLUMNS + " FROM dispensing WHERE person_id = $1"
            + " AND left(drug_code, 7) = ANY($2::text[]) AND dispensed_on BETWEEN $3 AND $4"
            + " ORDER BY dispensed_on DESC, id DESC";

    @Inject
    ViewingAccess access;

    @Inject
    OwnRecords own;

    /** The person's dispensings from {@code from} to {@code to}, newest first. */
    public Uni<View> view(Viewer viewer, UUID personId, LocalDate from, LocalDate to) {
        return viewed(viewer, personId, tx -> tx.preparedQuery(DISPENSINGS).execute(Tuple.of(personId, from, to))
                .map(rows -> new View(personId, list(rows, Dispensing::of))));
    }

    /**
     * The patient's own dispensings from {@code from} to {@code to}, newest first as in {@link #view}, with the
     * facilities' names; no grant is needed and no view is recorded ({@link OwnRecords}).
     */
    public Uni<OwnView> own(UUID personId, LocalDate from, LocalDate to) {
        return own.read(personId, tx -> tx.preparedQuery(OWN_DISPENSINGS).execute(Tuple.of(personId, from, to))
                .map(rows -> new OwnView(personId, list(rows, OwnDispensing::of))));
    }

    /** The active dispensings of the same ingredient as a planned drug that overlap the planned start. */
    public Uni<DuplicateCheck> duplicates(Viewer viewer, UUID personId, LocalDate startOn, List<String> drugCodes) {
        Map<String, String> plannedByIngredient = new LinkedHashMap<>();
        for (String code : drugCodes) {
            plannedByIngredient.putIfAbsent(DrugCodes.ingredient(code), code);
        }
        String[] ingredients = plannedByIngredient.keySet().toArray(String[]::new);
        return viewed(viewer, personId, tx -> tx.preparedQuery(CANDIDATES)
                .execute(Tuple.of(personId, ingredients, startOn.minusDays(364), startOn))
                .map(rows -> {
                    List<Overlap> overlapping = new ArrayList<>();
                    for (Dispensing d : list(rows, Dispensing::of)) {
                        if (SupplyOverlap.overlaps(d.dispensedOn(), d.days(), startOn)) {
                            String ingredient = DrugCodes.ingredient(d.drugCode());
                            overlapping.add(Overlap.of(plannedByIngredient.get(ingredient), ingredient, d));
                        }
                    }
                    return new DuplicateCheck(personId, startOn, overlapping);
                }));
    }

    private <T> Uni<T> viewed(Viewer viewer, UUID personId, Function<SqlConnection, Uni<T>> read) {
        return access.viewed(viewer, personId, AccessKind.MEDICATION, read);
    }

    private static <T> List<T> list(RowSet<Row> rows, Function<Row, T> mapping) {
        List<T> list = new ArrayList<>(rows.size());
        for (Row row : rows) {
            list.add(mapping.apply(row));
        }
        return list;
    }
}
