package io.shikaku.eligibility.check;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** Event data on topic {@code eligibility-checks} (key: facility code): a check happened; no personal data. */
public record CheckRecorded(UUID checkId, String facilityCode, CheckMethod method, Validity validity,
        LocalDate visitDate, Instant checkedAt) {

    public static final String TOPIC = "eligibility-checks";
    public static final String TYPE = "io.shikaku.eligibility.check.recorded";
}
