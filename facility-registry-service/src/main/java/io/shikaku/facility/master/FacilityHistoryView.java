package io.shikaku.facility.master;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A facility's history as the portal shows it: every change, oldest first, with what it changed and who did it. */
@Schema(name = "FacilityHistory")
public record FacilityHistoryView(String facilityCode, List<Entry> changes) {

    /**
     * One change: when, what kind, by whom (the token's subject, and the name signed in with if the token had one;
     * null for {@code RECORDED}), the API names of the fields it changed, and the facility's state after it.
     */
    @Schema(name = "FacilityHistoryEntry")
    public record Entry(Instant changedAt, FacilityChange change, String changedBy, String changedByName,
            List<String> changed, FacilityState state) {
    }

    static FacilityHistoryView of(String facilityCode, List<FacilityHistory> rows) {
        List<Entry> changes = new ArrayList<>(rows.size());
        FacilityState before = null;
        for (FacilityHistory row : rows) {
            FacilityState after = row.state();
            changes.add(new Entry(row.changedAt, row.change, row.changedBy, row.changedByName,
                    HistoryChanges.between(before, after),
                    after));
            before = after;
        }
        return new FacilityHistoryView(facilityCode, changes);
    }
}
