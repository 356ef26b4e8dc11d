package io.shikaku.bench;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;

import io.shikaku.common.identifier.CheckDigit;

/**
 * The insurance card of generated person {@code index} of the benchmark's data set, derived from the index alone, so
 * that the loader and the driver (and the pgbench script) agree without sharing a list: one of a few benchmark
 * insurers with valid check digits, symbol {@code B<index / 1000>}, number {@code <index>}, branch 00.
 */
public record BenchCard(long index, String insurerNumber, String symbol, String number, String branch,
        LocalDate birthDate) {

    /** The benchmark's insurers: 06 (society-managed), Tokyo, 900–904, each with its check digit. */
    public static final List<String> INSURERS = IntStream.range(0, 5)
            .mapToObj(k -> String.format("0613%03d", 900 + k)).map(first -> first + CheckDigit.of(first)).toList();
    public static final LocalDate FIRST_BIRTH_DATE = LocalDate.of(1940, 1, 1);
    public static final int BIRTH_DAYS = 25_000;
    public static final String BRANCH = "00";
    /** The reference every check of the driver carries, so that its recorded rows can be counted. */
    public static final String REFERENCE = "bench";

    private static final long PERSON_HIGH = 0xbe4c_0000_0000_4000L;
    private static final long PERSON_LOW = 0x8000_0000_0000_0000L;
    private static final long QUALIFICATION_LOW = 0x9000_0000_0000_0000L;

    public static BenchCard of(long index) {
        return new BenchCard(index, INSURERS.get((int) (index % INSURERS.size())), "B" + index / 1000,
                Long.toString(index), BRANCH, FIRST_BIRTH_DATE.plusDays(index % BIRTH_DAYS));
    }

    public UUID personId() {
        return new UUID(PERSON_HIGH, PERSON_LOW | index);
    }

    public UUID qualificationId() {
        return new UUID(PERSON_HIGH, QUALIFICATION_LOW | index);
    }

    /** The body of a recorded check by these card numbers, as a clinic system sends it. */
    public String checkBody(LocalDate visitDate) {
        return "{\"method\":\"INSURANCE_CARD\",\"visitDate\":\"" + visitDate + "\",\"insurerNumber\":\""
                + insurerNumber + "\",\"symbol\":\"" + symbol + "\",\"number\":\"" + number + "\",\"branch\":\""
                + branch + "\",\"birthDate\":\"" + birthDate + "\",\"reference\":\"" + REFERENCE + "\"}";
    }
}
