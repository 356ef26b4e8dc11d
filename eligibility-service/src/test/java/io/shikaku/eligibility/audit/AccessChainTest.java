package io.shikaku.eligibility.audit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.junit.jupiter.api.Test;

import io.shikaku.common.access.AccessBasis;
import io.shikaku.common.access.AccessKind;

/** The access log's chain: appends number and link entries, and a walk finds the first change, insertion or gap. */
class AccessChainTest {

    private static final Instant AT = Instant.parse("2026-11-21T01:02:03.123456789Z");
    private static final Instant RECORDED = Instant.parse("2026-11-21T01:02:04Z");
    private static final UUID PERSON = UUID.fromString("00000000-0000-4000-8000-000000000001");

    private final AccessChain chain = new AccessChain(hmac("a key of at least thirty-two bytes, for tests"));

    @Test
    void appendedEntriesAreNumberedOnFromTheHeadAndEachLinksToTheOneBefore() {
        List<AccessEntry> first = chain.append(AccessChain.Head.EMPTY, accesses(2), RECORDED);
        assertEquals(1, first.get(0).sequence());
        assertArrayEquals(AccessChain.GENESIS, first.get(0).previousHash());
        assertArrayEquals(first.get(0).hash(), first.get(1).previousHash());

        List<AccessEntry> next = chain.append(new AccessChain.Head(2, first.get(1).hash()), accesses(1), RECORDED);
        assertEquals(3, next.get(0).sequence());
        assertArrayEquals(first.get(1).hash(), next.get(0).previousHash());
        assertEquals(32, next.get(0).hash().length);
        assertEquals(RECORDED, next.get(0).recordedAt());
    }

    @Test
    void instantsAreKeptToTheMicrosecondAsTheDatabaseKeepsThem() {
        AccessEntry entry = chain.append(AccessChain.Head.EMPTY, accesses(1), RECORDED).get(0);
        assertEquals(Instant.parse("2026-11-21T01:02:03.123456Z"), entry.accessedAt());
    }

    @Test
    void theHashIsTheKeyedMacOfALengthPrefixedEncodingOfEveryColumn() {
        AccessEntry entry = new AccessEntry(7, UUID.fromString("00000000-0000-4000-8000-0000000000aa"),
                Instant.parse("1970-01-01T00:00:01.000002Z"), Instant.parse("1970-01-01T00:00:00Z"), PERSON,
                "0110113719", "clinic-0110113719", null, AccessKind.MEDICATION, AccessBasis.CONSENT,
                AccessChain.GENESIS, null);
        byte[] encoded = AccessChain.encode(entry);
        String expected = field("shikaku.access-log.v1") + field("7") + field("00000000-0000-4000-8000-0000000000aa")
                + field("1000002") + field("0") + field(PERSON.toString()) + field("0110113719")
                + field("clinic-0110113719") + "ffffffff" + field("MEDICATION") + field("CONSENT") + "00000020"
                + "00".repeat(32);
        assertEquals(expected, HexFormat.of().formatHex(encoded));
        assertArrayEquals(hmac("a key of at least thirty-two bytes, for tests").apply(encoded), chain.hash(entry));
    }

    @Test
    void fieldsThatMoveBetweenColumnsEncodeDifferently() {
        AccessEntry a = entry(1, "DOCTOR", "staff");
        AccessEntry b = entry(1, null, "staffDOCTOR");
        assertFalse(Arrays.equals(AccessChain.encode(a), AccessChain.encode(b)));
    }

    @Test
    void anotherKeyGivesAnotherHash() {
        AccessEntry entry = entry(1, null, "clinic");
        assertNotEquals(HexFormat.of().formatHex(chain.hash(entry)),
                HexFormat.of()
                        .formatHex(new AccessChain(hmac("another key of at least thirty-two bytes")).hash(entry)));
    }

    @Test
    void anUntouchedLogIsValid() {
        AccessChain.Check check = walk(log(5));
        assertTrue(check.valid());
        assertNull(check.firstBroken());
        assertEquals(5, check.checked());
        assertTrue(walk(List.of()).valid());
    }

    @Test
    void aChangedEntryBreaksTheChainAtThatEntry() {
        List<AccessEntry> log = log(5);
        AccessEntry third = log.get(2);
        log.set(2, new AccessEntry(3, third.eventId(), third.accessedAt(), third.recordedAt(), third.personId(),
                "1310123458", third.viewerSubject(), third.profession(), third.kind(), third.basis(),
                third.previousHash(), third.hash()));
        assertEquals(3L, walk(log).firstBroken());
    }

    @Test
    void anEntryWhoseHashWasRecomputedWithoutTheKeyStillBreaksTheChain() {
        List<AccessEntry> log = log(3);
        AccessEntry forged = new AccessChain(hmac("a guessed key, not the service's own one")).append(
                new AccessChain.Head(3, log.get(2).hash()), accesses(1), RECORDED).get(0);
        log.add(forged);
        assertEquals(4L, walk(log).firstBroken());
    }

    @Test
    void aRemovedEntryBreaksTheChainAtItsNumber() {
        List<AccessEntry> log = log(5);
        log.remove(1);
        assertEquals(2L, walk(log).firstBroken());
    }

    @Test
    void aRemovedFirstEntryBreaksTheChainAtOne() {
        List<AccessEntry> log = log(3);
        log.remove(0);
        assertEquals(1L, walk(log).firstBroken());
    }

    @Test
    void anEntryRenumberedIntoAGapStillBreaksTheChainThroughItsLink() {
        // Entry 2 removed and entry 3 renumbered 2: the numbers have no gap, but 3's previous hash is 2's.
        List<AccessEntry> log = log(3);
        AccessEntry third = log.remove(2);
        log.set(1, new AccessEntry(2, third.eventId(), third.accessedAt(), third.recordedAt(), third.personId(),
                third.facilityCode(), third.viewerSubject(), third.profession(), third.kind(), third.basis(),
                third.previousHash(), third.hash()));
        assertEquals(2L, walk(log).firstBroken());
    }

    @Test
    void anEntryNumberedBelowTheNextIsReportedAtItsOwnNumber() {
        List<AccessEntry> log = new ArrayList<>(log(2));
        AccessEntry first = log.get(0);
        log.add(0, new AccessEntry(0, UUID.randomUUID(), AT, RECORDED, PERSON, "0110113719", "x", null,
                AccessKind.LOOKUP, AccessBasis.EMERGENCY, AccessChain.GENESIS, first.hash()));
        assertEquals(0L, walk(log).firstBroken());
    }

    @Test
    void theWalkStopsAtTheFirstBreak() {
        List<AccessEntry> log = log(4);
        log.remove(1);
        AccessChain.Check check = chain.check();
        assertTrue(check.next(log.get(0)));
        assertFalse(check.next(log.get(1)));
        assertFalse(check.next(log.get(2)));
        assertEquals(2, check.checked());
        assertEquals(2L, check.firstBroken());
    }

    private AccessChain.Check walk(List<AccessEntry> log) {
        AccessChain.Check check = chain.check();
        log.forEach(check::next);
        return check;
    }

    private List<AccessEntry> log(int n) {
        return new ArrayList<>(chain.append(AccessChain.Head.EMPTY, accesses(n), RECORDED));
    }

    private static List<AccessEntry> accesses(int n) {
        List<AccessEntry> accesses = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            accesses.add(new AccessEntry(0, UUID.randomUUID(), AT, AT, PERSON, "0110113719", "clinic-0110113719",
                    i % 2 == 0 ? null : "DOCTOR", i % 2 == 0 ? AccessKind.MEDICATION : AccessKind.LOOKUP,
                    i % 2 == 0 ? AccessBasis.CONSENT : AccessBasis.EMERGENCY, AccessChain.GENESIS, null));
        }
        return accesses;
    }

    private static AccessEntry entry(long sequence, String profession, String subject) {
        return new AccessEntry(sequence, UUID.fromString("00000000-0000-4000-8000-0000000000aa"), AT, RECORDED, PERSON,
                "0110113719", subject, profession, AccessKind.LOOKUP, AccessBasis.EMERGENCY, AccessChain.GENESIS, null);
    }

    private static String field(String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        return String.format("%08x", bytes.length) + HexFormat.of().formatHex(bytes);
    }

    private static java.util.function.UnaryOperator<byte[]> hmac(String key) {
        return message -> {
            try {
                Mac mac = Mac.getInstance("HmacSHA256");
                mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
                return mac.doFinal(message);
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
        };
    }
}
