package io.shikaku.facility.master;

import java.util.Arrays;

/**
 * The facility codes an import has seen, as numbers in an open-addressing table: a national import (229,202 codes)
 * takes a few megabytes instead of hundreds of thousands of strings.
 */
final class CodeSet {

    private static final long EMPTY = -1;
    private long[] slots = empty(1 << 12);
    private int size;

    /** Adds a code of ASCII digits; false when it was already there. */
    boolean add(String code) {
        if (size * 2 >= slots.length) {
            long[] bigger = empty(slots.length * 2);
            for (long value : slots) {
                if (value != EMPTY) {
                    insert(bigger, value);
                }
            }
            slots = bigger;
        }
        boolean added = insert(slots, Long.parseLong(code));
        if (added) {
            size++;
        }
        return added;
    }

    int size() {
        return size;
    }

    private static boolean insert(long[] table, long value) {
        int mask = table.length - 1;
        int i = Long.hashCode(value * 0x9E3779B97F4A7C15L) & mask;
        while (table[i] != EMPTY) {
            if (table[i] == value) {
                return false;
            }
            i = (i + 1) & mask;
        }
        table[i] = value;
        return true;
    }

    private static long[] empty(int length) {
        long[] table = new long[length];
        Arrays.fill(table, EMPTY);
        return table;
    }
}
