package io.shikaku.eligibility.audit;

import java.time.Instant;
import java.util.UUID;

import io.shikaku.common.access.AccessBasis;
import io.shikaku.common.access.AccessKind;
import io.vertx.mutiny.sqlclient.Row;

/**
 * One access as an auditor reads it (API.md "Audit"): its place in the chain, when it happened and was recorded, who
 * (facility, viewer subject, profession) accessed whom, what and on which basis.
 */
public record AuditEntry(long sequence, Instant accessedAt, Instant recordedAt, String facilityCode,
        String viewerSubject, String profession, UUID personId, AccessKind kind, AccessBasis basis) {

    /** The columns {@link #of(Row)} reads. */
    static final String COLUMNS = "sequence, accessed_at, recorded_at, facility_code, viewer_subject, profession,"
            + " person_id, kind, basis";

    static AuditEntry of(Row row) {
        return new AuditEntry(row.getLong("sequence"), row.getOffsetDateTime("accessed_at").toInstant(),
                row.getOffsetDateTime("recorded_at").toInstant(), row.getString("facility_code"),
                row.getString("viewer_subject"), row.getString("profession"), row.getUUID("person_id"),
                AccessKind.valueOf(row.getString("kind")), AccessBasis.valueOf(row.getString("basis")));
    }
}
