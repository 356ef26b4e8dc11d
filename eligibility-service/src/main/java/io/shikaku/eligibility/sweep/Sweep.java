package io.shikaku.eligibility.sweep;

import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;

import io.vertx.mutiny.sqlclient.Row;

/**
 * One sweep as an auditor reads it (README "Sweeps"): which facility, the card's numbers only as their keyed hash (the
 * same numbers give the same hash, so sweeps of one card by several facilities can be told), when its window started,
 * when it became a sweep and was last tried, how many NOT_FOUND answers it got and how many checks were refused, and
 * until when further checks are refused.
 */
public record Sweep(String facilityCode, String numbersHash, Instant firstAt, Instant sweptAt, Instant lastAt,
        int attempts, int refused, Instant refusedUntil) {

    /** The columns {@link #of(Row, Duration)} reads. */
    static final String COLUMNS = "facility_code, numbers_hash, first_at, swept_at, last_at, attempts, refused";

    static Sweep of(Row row, Duration window) {
        Instant firstAt = row.getOffsetDateTime("first_at").toInstant();
        return new Sweep(row.getString("facility_code"),
                HexFormat.of().formatHex(row.getBuffer("numbers_hash").getBytes()), firstAt,
                row.getOffsetDateTime("swept_at").toInstant(), row.getOffsetDateTime("last_at").toInstant(),
                row.getInteger("attempts"), row.getInteger("refused"), firstAt.plus(window));
    }
}
