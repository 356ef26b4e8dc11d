package io.shikaku.facility.stats;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * The data of eligibility's {@code check.recorded} event, as far as usage statistics read it; a later field is
 * ignored.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record CheckRecordedData(UUID checkId, String facilityCode, UsageMethod method, String validity,
        LocalDate visitDate, Instant checkedAt) {
}
