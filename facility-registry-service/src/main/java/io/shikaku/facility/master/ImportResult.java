package io.shikaku.facility.master;

import java.util.List;

/**
 * The outcome of a master import: rows upserted, rows rejected and why (by line, the header being line 1; at most
 * {@link MasterImport#MAX_REPORTED} are listed, {@code errorsTruncated} says when more were rejected), and how many
 * upserts changed a facility (each one an event).
 */
public record ImportResult(int imported, int rejected, int changed, boolean errorsTruncated, List<LineError> errors) {

    /** A rejected line: its number, a stable code and a message without personal data. */
    public record LineError(long line, String code, String message) {
    }
}
