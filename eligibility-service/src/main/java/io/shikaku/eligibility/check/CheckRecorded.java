package io.shikaku.eligibility.check;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import io.shikaku.common.event.ExportedEvent;
import io.shikaku.common.event.Topics;

/** A check happened (usage statistics by method, validity and day); keyed by facility code, no personal data. */
public record CheckRecorded(UUID checkId, String facilityCode, CheckMethod method, Validity validity,
        LocalDate visitDate, Instant checkedAt) implements ExportedEvent {

    public static final String TYPE = "io.shikaku.eligibility.check.recorded";

    public static CheckRecorded of(EligibilityCheck check) {
        return new CheckRecorded(check.id, check.facilityCode, check.method, check.validity, check.visitDate,
                check.checkedAt);
    }

    @Override
    public String topic() {
        return Topics.ELIGIBILITY_CHECKS;
    }

    @Override
    public String key() {
        return facilityCode;
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public String subject() {
        return checkId.toString();
    }
}
