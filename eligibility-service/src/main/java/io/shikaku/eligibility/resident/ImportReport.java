package io.shikaku.eligibility.resident;

import java.util.List;

/**
 * What a resident registry import did: the valid records are applied, each invalid one is reported by its index and
 * field, never with its My Number.
 */
public record ImportReport(int received, int upserted, int rejected, List<RecordError> errors) {

    /** Why one record was not applied; {@code field} is e.g. {@code records[3].myNumber}. */
    public record RecordError(int index, String field, String code, String message) {
    }
}
