package io.shikaku.eligibility.member;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Arrays;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Rows handed to set-based statements as one JSON parameter, and the column values native queries give back. */
@ApplicationScoped
public class MemberJson {

    @Inject
    ObjectMapper json;

    public String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Member batch rows could not be written as JSON", e);
        }
    }

    static LocalDate date(Object value) {
        if (value == null || value instanceof LocalDate) {
            return (LocalDate) value;
        }
        return ((java.sql.Date) value).toLocalDate();
    }

    static Instant instant(Object value) {
        if (value == null || value instanceof Instant) {
            return (Instant) value;
        }
        if (value instanceof OffsetDateTime time) {
            return time.toInstant();
        }
        return ((java.sql.Timestamp) value).toInstant();
    }

    /** The {@link MemberLine} in {@code row}'s columns from {@code from} on, selected as {@link MemberLine#COLUMNS}. */
    static MemberLine line(Object[] row, int from) {
        Object[] r = Arrays.copyOfRange(row, from, from + MemberLine.WIDTH);
        return new MemberLine(trim(r[0]), (String) r[1], (String) r[2], (String) r[3], date(r[4]), (String) r[5],
                (String) r[6], (String) r[7], (String) r[8], (String) r[9], trim(r[10]), (String) r[11], date(r[12]),
                date(r[13]), integer(r[14]), (String) r[15]);
    }

    /** A {@code char(n)} column's value without its padding. */
    static String trim(Object value) {
        return value == null ? null : value.toString().trim();
    }

    static Integer integer(Object value) {
        return value == null ? null : ((Number) value).intValue();
    }
}
