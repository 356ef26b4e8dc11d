package io.shikaku.eligibility.audit;

import java.time.Instant;

import io.shikaku.common.access.AccessBasis;
import io.shikaku.common.access.AccessKind;
import io.vertx.mutiny.sqlclient.Row;

/**
 * One access to a patient's data as the patient reads it (API.md "Patients", DOMAIN.md §8): when, which facility (code
 * and name, null while eligibility does not know the facility's name), the profession of the emergency or disaster
 * staff (null for a consent-based view), what and on which basis; never the viewer's subject.
 */
public record OwnAccess(Instant accessedAt, String facilityCode, String facilityName, String profession,
        AccessKind kind, AccessBasis basis) {

    static OwnAccess of(Row row) {
        AccessBasis basis = AccessBasis.valueOf(row.getString("basis"));
        return new OwnAccess(row.getOffsetDateTime("accessed_at").toInstant(), row.getString("facility_code"),
                row.getString("facility_name"), basis == AccessBasis.CONSENT ? null : row.getString("profession"),
                AccessKind.valueOf(row.getString("kind")), basis);
    }
}
