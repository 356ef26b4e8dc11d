package io.shikaku.eligibility.audit;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.UnaryOperator;

import io.shikaku.contract.DomainRule;

/**
 * The access log's hash chain (issue 10, item 3: "each entry's hash covers its content and the previous hash, so that
 * a changed, inserted or removed entry is detected"). Entries are numbered 1, 2, 3, … without gaps; entry 1's previous
 * hash is {@link #GENESIS} (32 zero bytes), every other entry's is the hash of the entry before it. An entry's hash is
 * the keyed MAC (HMAC-SHA256 under {@code shikaku.audit.chain-key}, given as {@code mac}) of its canonical encoding:
 * the tag {@value #TAG} and then every column but the hash itself, in this order — sequence, event id, accessed at,
 * recorded at, person id, facility code, viewer subject, profession, kind, basis, previous hash — each as a 4-byte
 * big-endian length followed by that many bytes (a null as length -1 and no bytes), so that no two different entries
 * encode alike. Texts are UTF-8; the sequence is its decimal digits; ids are lower-case UUIDs; instants are microseconds
 * since the epoch in decimal (PostgreSQL keeps microseconds); kind and basis are their names; the previous hash is its
 * 32 bytes.
 */
@DomainRule
public final class AccessChain {

    /** Versions the encoding: a later encoding takes another tag. */
    public static final String TAG = "shikaku.access-log.v1";

    /** The previous hash of entry 1. */
    public static final byte[] GENESIS = new byte[32];

    private final UnaryOperator<byte[]> mac;

    /** A chain whose hashes are {@code mac} of an entry's encoding (the service gives HMAC-SHA256 under its key). */
    public AccessChain(UnaryOperator<byte[]> mac) {
        this.mac = mac;
    }

    /** The end of the log that new entries are chained to: the last entry's sequence and hash. */
    public record Head(long sequence, byte[] hash) {

        /** The head of an empty log. */
        public static final Head EMPTY = new Head(0, GENESIS);
    }

    /**
     * The entries that append {@code accesses} (their hashes and sequences ignored) to the log ending at {@code head},
     * in the given order, each recorded at {@code recordedAt}.
     */
    public List<AccessEntry> append(Head head, List<AccessEntry> accesses, Instant recordedAt) {
        List<AccessEntry> entries = new ArrayList<>(accesses.size());
        long sequence = head.sequence();
        byte[] previous = head.hash();
        for (AccessEntry a : accesses) {
            AccessEntry unhashed = new AccessEntry(++sequence, a.eventId(), a.accessedAt(), recordedAt, a.personId(),
                    a.facilityCode(), a.viewerSubject(), a.profession(), a.kind(), a.basis(), previous, null);
            previous = hash(unhashed);
            entries.add(withHash(unhashed, previous));
        }
        return entries;
    }

    /** The hash {@code entry} must carry: the MAC of its encoding (its own stored hash is not part of it). */
    public byte[] hash(AccessEntry entry) {
        return mac.apply(encode(entry));
    }

    /** The canonical encoding of an entry (class comment), its stored hash left out. */
    public static byte[] encode(AccessEntry e) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(256);
        field(out, TAG);
        field(out, Long.toString(e.sequence()));
        field(out, e.eventId().toString());
        field(out, micros(e.accessedAt()));
        field(out, micros(e.recordedAt()));
        field(out, e.personId().toString());
        field(out, e.facilityCode());
        field(out, e.viewerSubject());
        field(out, e.profession());
        field(out, e.kind().name());
        field(out, e.basis().name());
        field(out, e.previousHash());
        return out.toByteArray();
    }

    /**
     * Walks the log from entry 1, one entry at a time in sequence order (so that a log of millions is checked in
     * chunks, never held whole), and remembers the first place where it is not an unbroken chain.
     */
    public Check check() {
        return new Check();
    }

    /** A walk along the log ({@link #check()}). */
    public final class Check {

        private long expected = 1;
        private byte[] previous = GENESIS;
        private long checked;
        private Long firstBroken;

        private Check() {
        }

        /**
         * Takes the next stored entry (in ascending sequence order); false once the chain is broken (later entries
         * need not be read). Broken: a sequence that is not the next number (a removed entry leaves a gap, reported
         * as the first missing number; an entry numbered below it is reported as its own number), a previous hash
         * that is not the hash of the entry before, or a hash that is not the entry's own (changed content).
         */
        public boolean next(AccessEntry entry) {
            if (firstBroken != null) {
                return false;
            }
            checked++;
            if (entry.sequence() != expected) {
                firstBroken = Math.min(expected, entry.sequence());
            } else if (!Arrays.equals(previous, entry.previousHash())
                    || entry.hash() == null || !Arrays.equals(hash(entry), entry.hash())) {
                firstBroken = entry.sequence();
            } else {
                previous = entry.hash();
                expected++;
                return true;
            }
            return false;
        }

        /**
         * Takes a stored entry that cannot be read as one (a value no entry holds, e.g. a kind that does not exist):
         * the chain is broken there, or at the first missing number before it.
         */
        public void unreadable(long sequence) {
            if (firstBroken == null) {
                checked++;
                firstBroken = Math.min(expected, sequence);
            }
        }

        /** Entries taken so far (the broken one included). */
        public long checked() {
            return checked;
        }

        /** Whether every entry taken so far continues the chain. */
        public boolean valid() {
            return firstBroken == null;
        }

        /** The sequence number where the chain first breaks; null while it is unbroken. */
        public Long firstBroken() {
            return firstBroken;
        }
    }

    private static AccessEntry withHash(AccessEntry e, byte[] hash) {
        return new AccessEntry(e.sequence(), e.eventId(), e.accessedAt(), e.recordedAt(), e.personId(),
                e.facilityCode(), e.viewerSubject(), e.profession(), e.kind(), e.basis(), e.previousHash(), hash);
    }

    private static String micros(Instant instant) {
        return Long.toString(ChronoUnit.MICROS.between(Instant.EPOCH, instant));
    }

    private static void field(ByteArrayOutputStream out, String value) {
        field(out, value == null ? null : value.getBytes(StandardCharsets.UTF_8));
    }

    private static void field(ByteArrayOutputStream out, byte[] value) {
        out.writeBytes(ByteBuffer.allocate(4).putInt(value == null ? -1 : value.length).array());
        if (value != null) {
            out.writeBytes(value);
        }
    }
}
