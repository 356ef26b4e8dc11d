package io.shikaku.eligibility.disaster;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A declared disaster as the ministry reads it back: its region and period, when it was ended early (null if not) and
 * whether it is in force now.
 */
public record Disaster(UUID disasterId, String name, List<String> prefectures, LocalDate from, LocalDate until,
        Instant declaredAt, Instant endedAt, boolean active) {
}
