package io.shikaku.facility.support;

import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

import io.shikaku.common.identifier.CheckDigit;

/** Valid facility codes no other test uses (the test database is shared by every test of a run). */
public final class Codes {

    private static final AtomicInteger NEXT = new AtomicInteger(ThreadLocalRandom.current().nextInt(900_000));

    private Codes() {
    }

    /** A fresh valid code in {@code prefecture} with fee-table {@code kind} ('1', '3' or '4'). */
    public static String fresh(String prefecture, char kind) {
        return of(prefecture, kind, NEXT.getAndIncrement() % 1_000_000);
    }

    /** The valid code of prefecture, kind and a six-digit district and number. */
    public static String of(String prefecture, char kind, int districtAndNumber) {
        String first9 = prefecture + kind + String.format("%06d", districtAndNumber);
        return first9 + CheckDigit.of(first9);
    }
}
