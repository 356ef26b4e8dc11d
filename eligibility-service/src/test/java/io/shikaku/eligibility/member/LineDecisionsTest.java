package io.shikaku.eligibility.member;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.shikaku.eligibility.member.LineDecisions.Decisions;
import io.shikaku.eligibility.member.LineDecisions.Holder;
import io.shikaku.eligibility.member.LineDecisions.Known;
import io.shikaku.eligibility.member.LineDecisions.NumberKey;
import io.shikaku.eligibility.member.LineDecisions.Pending;
import io.shikaku.eligibility.member.LineDecisions.PersonWrite;
import io.shikaku.eligibility.member.LineDecisions.QualificationWrite;
import io.shikaku.eligibility.member.LineDecisions.Snapshot;
import io.shikaku.eligibility.member.MemberBatches.Outcome;
import io.shikaku.eligibility.member.MemberLineRules.Op;
import io.shikaku.eligibility.resident.FourAttributes;

class LineDecisionsTest {

    private static final UUID BATCH = UUID.randomUUID();
    private static final String INSURER = "06130017";
    private static final String ADDRESS = "東京都千代田区霞が関1-2-2";
    private static final LocalDate BORN = LocalDate.of(1980, 4, 1);
    private static final String HASH = "a".repeat(64);
    private static final LocalDate VALID_FROM = LocalDate.of(2020, 4, 1);

    private final Map<String, FourAttributes> residents = new HashMap<>();
    private final Map<String, UUID> linked = new HashMap<>();
    private final Map<NumberKey, Holder> holders = new HashMap<>();
    private final Map<UUID, Known> persons = new HashMap<>();

    private static Pending upsert(int line, String hash, String number, LocalDate birthDate) {
        return new Pending(BATCH, line, INSURER, Op.UPSERT, new MemberLine(hash, "山田 太郎", "ヤマダ タロウ", "MALE",
                birthDate, ADDRESS, "1", number, "1", number, "00", "INSURED", VALID_FROM, null, 30, null));
    }

    private static Pending end(int line, String number, LocalDate until) {
        return new Pending(BATCH, line, INSURER, Op.END, new MemberLine(null, null, null, null, null, null, "1", number,
                "1", number, "00", null, null, until, null, null));
    }

    private static NumberKey key(String number) {
        return new NumberKey(INSURER, "1", number, "00");
    }

    private Decisions decide(Pending... lines) {
        return LineDecisions.decide(List.of(lines), new Snapshot(residents, linked, holders, persons),
                UUID::randomUUID);
    }

    private UUID knownPerson(String hash, LocalDate birthDate, String number) {
        UUID id = UUID.randomUUID();
        persons.put(id, new Known(id, hash, "MALE", birthDate));
        if (hash != null) {
            linked.put(hash, id);
        }
        if (number != null) {
            holders.put(key(number), new Holder(UUID.randomUUID(), VALID_FROM, id));
        }
        return id;
    }

    @Test
    void aLineTheRegistryConfirmsLinksANewPersonAndAddsTheQualification() {
        residents.put(HASH, new FourAttributes("山田太郎", "MALE", BORN, ADDRESS));
        Decisions d = decide(upsert(1, HASH, "100", BORN));
        assertEquals(Outcome.ACCEPTED, d.outcomes().get(0).outcome());
        PersonWrite person = d.persons().values().iterator().next();
        assertTrue(person.isNew);
        assertEquals(HASH, person.myNumberHash);
        QualificationWrite q = d.qualifications().values().iterator().next();
        assertTrue(q.isNew);
        assertEquals(person.id, q.personId);
        assertEquals(List.of(person.id), List.copyOf(d.changedPersons()));
    }

    @Test
    void aMyNumberUnknownToTheRegistryIsHeldAndNothingIsWritten() {
        Decisions d = decide(upsert(1, HASH, "100", BORN));
        assertEquals(Outcome.HELD, d.outcomes().get(0).outcome());
        assertEquals(LineCode.RESIDENT_ATTRIBUTES_MISMATCH, d.outcomes().get(0).code());
        assertEquals(LineDecisions.NOT_CONFIRMED, d.outcomes().get(0).message());
        assertTrue(d.persons().isEmpty());
        assertTrue(d.qualifications().isEmpty());
        assertNull(d.held().get(0).suspendedPersonId, "a registry mismatch suspends nobody");
    }

    @Test
    void aRegistryDisagreementGetsTheSameMessageAsAnUnknownNumberNamingNoAttribute() {
        Decisions unknown = decide(upsert(1, HASH, "100", BORN));
        residents.put(HASH, new FourAttributes("山田 次郎", "MALE", BORN, "大阪府"));
        Decisions differ = decide(upsert(1, HASH, "100", BORN));
        assertEquals(unknown.outcomes().get(0).message(), differ.outcomes().get(0).message());
        assertEquals("myNumber: the resident registry does not confirm this linkage (name, birth date, sex and"
                + " address must all agree)", differ.outcomes().get(0).message());
    }

    @Test
    void aMyNumberOnAnotherPersonThanTheNumbersHolderIsHeldAndSuspendsTheLinkedPerson() {
        residents.put(HASH, new FourAttributes("山田 太郎", "MALE", BORN, ADDRESS));
        UUID q = knownPerson(HASH, BORN, "100");
        knownPerson("b".repeat(64), BORN, "200");
        Decisions d = decide(upsert(1, HASH, "200", BORN));
        assertEquals(LineCode.MY_NUMBER_LINKED_TO_OTHER_PERSON, d.outcomes().get(0).code());
        assertEquals(q, d.held().get(0).suspendedPersonId);
        assertTrue(d.persons().isEmpty());
    }

    @Test
    void aMyNumberOnAPersonOfAnotherBirthDateIsLinkedToAnotherPerson() {
        residents.put(HASH, new FourAttributes("山田 太郎", "MALE", BORN, ADDRESS));
        UUID q = knownPerson(HASH, BORN.minusYears(1), "100");
        Decisions d = decide(upsert(1, HASH, "300", BORN));
        assertEquals(LineCode.MY_NUMBER_LINKED_TO_OTHER_PERSON, d.outcomes().get(0).code());
        assertEquals("myNumber: linked to a person of another birth date or sex", d.outcomes().get(0).message());
        assertEquals(q, d.held().get(0).suspendedPersonId);
    }

    @Test
    void aNumberWhoseHolderHasAnotherMyNumberIsHeldAndSuspendsTheHolder() {
        residents.put(HASH, new FourAttributes("山田 太郎", "MALE", BORN, ADDRESS));
        UUID p = knownPerson("b".repeat(64), BORN, "100");
        Decisions d = decide(upsert(1, HASH, "100", BORN));
        assertEquals(LineCode.MY_NUMBER_LINKED_TO_OTHER_PERSON, d.outcomes().get(0).code());
        assertEquals(p, d.held().get(0).suspendedPersonId);
    }

    @Test
    void laterLinesOfAChunkSeeTheEarlierOnes() {
        residents.put(HASH, new FourAttributes("山田 太郎", "MALE", BORN, ADDRESS));
        knownPerson("b".repeat(64), BORN, "200");
        Decisions d = decide(upsert(1, HASH, "100", BORN), upsert(2, HASH, "200", BORN),
                upsert(3, HASH, "100", BORN.plusDays(1)), upsert(4, HASH, "400", BORN));
        assertEquals(Outcome.ACCEPTED, d.outcomes().get(0).outcome());
        assertEquals(LineCode.MY_NUMBER_LINKED_TO_OTHER_PERSON, d.outcomes().get(1).code(),
                "the number belongs to someone else than the person line 1 linked");
        assertEquals(LineCode.RESIDENT_ATTRIBUTES_MISMATCH, d.outcomes().get(2).code(),
                "a disagreeing line for the same My Number fails the registry");
        assertEquals(Outcome.ACCEPTED, d.outcomes().get(3).outcome(), "a second number for the same person");
        assertEquals(1, d.persons().size(), "one person keeps both numbers");
        assertEquals(2, d.qualifications().size());
    }

    @Test
    void aLaterAppliedLineSupersedesAnEarlierHeldLineOfTheSameChunk() {
        residents.put(HASH, new FourAttributes("山田 太郎", "MALE", BORN, ADDRESS));
        Decisions d = decide(upsert(1, HASH, "100", BORN.plusDays(1)), upsert(2, HASH, "100", BORN));
        assertEquals(Outcome.HELD, d.outcomes().get(0).outcome());
        assertTrue(d.held().get(0).superseded);
        Decisions notYet = decide(upsert(1, HASH, "100", BORN), upsert(2, HASH, "100", BORN.plusDays(1)));
        assertFalse(notYet.held().get(0).superseded, "an earlier line never supersedes a later one");
    }

    @Test
    void anEndClosesTheMatchingQualificationOrIsRejected() {
        UUID p = knownPerson(null, BORN, "100");
        Decisions d = decide(end(1, "100", LocalDate.of(2024, 3, 31)), end(2, "999", LocalDate.of(2024, 3, 31)),
                end(3, "100", LocalDate.of(2009, 3, 31)));
        assertEquals(Outcome.ACCEPTED, d.outcomes().get(0).outcome());
        QualificationWrite q = d.qualifications().values().iterator().next();
        assertFalse(q.full, "an END writes only validUntil");
        assertEquals(LocalDate.of(2024, 3, 31), q.validUntil);
        assertEquals(p, q.personId);
        assertEquals(LineCode.INVALID_FIELD, d.outcomes().get(1).code());
        assertEquals(LineCode.INVALID_DATES, d.outcomes().get(2).code());
    }

    @Test
    void anEndAfterAnUpsertOfTheSameChunkClosesTheNewQualification() {
        Decisions d = decide(upsert(1, null, "100", BORN), end(2, "100", LocalDate.of(2024, 3, 31)));
        assertEquals(1, d.qualifications().size());
        QualificationWrite q = d.qualifications().values().iterator().next();
        assertTrue(q.isNew);
        assertEquals(LocalDate.of(2024, 3, 31), q.validUntil);
    }

    @Test
    void aLineWithoutMyNumberNeverRewritesALinkedPersonsAttributes() {
        UUID p = knownPerson(HASH, BORN, "100");
        Decisions d = decide(upsert(1, null, "100", BORN));
        assertEquals(Outcome.ACCEPTED, d.outcomes().get(0).outcome());
        assertFalse(d.persons().get(p).attributes);
        assertTrue(d.qualifications().values().iterator().next().full);
        assertFalse(d.qualifications().values().iterator().next().isNew, "same number: the qualification is updated");
    }

    @Test
    void aHolderOfAnotherBirthDateIsAnotherPersonAndIsNeverRenamed() {
        UUID p = knownPerson(null, BORN.minusYears(30), "100");
        Decisions d = decide(upsert(1, null, "100", BORN));
        assertEquals(Outcome.ACCEPTED, d.outcomes().get(0).outcome());
        assertFalse(d.persons().containsKey(p), "the holder is not rewritten");
        PersonWrite created = d.persons().values().iterator().next();
        assertTrue(created.isNew);
        QualificationWrite q = d.qualifications().values().iterator().next();
        assertTrue(q.isNew, "the new person gets its own qualification");
        assertEquals(created.id, q.personId);
    }

    @Test
    void aHolderOfAnotherSexIsAnotherPersonForALineWithAMyNumberToo() {
        residents.put(HASH, new FourAttributes("山田 太郎", "MALE", BORN, ADDRESS));
        UUID p = UUID.randomUUID();
        persons.put(p, new Known(p, null, "FEMALE", BORN));
        holders.put(key("100"), new Holder(UUID.randomUUID(), VALID_FROM, p));
        Decisions d = decide(upsert(1, HASH, "100", BORN));
        assertEquals(Outcome.ACCEPTED, d.outcomes().get(0).outcome());
        assertFalse(d.persons().containsKey(p), "the holder is neither renamed nor linked");
        PersonWrite created = d.persons().values().iterator().next();
        assertTrue(created.isNew);
        assertEquals(HASH, created.myNumberHash);
    }

    @Test
    void anUnlinkedHolderOfTheLinkedPersonsSexAndBirthDateIsMergedIntoTheLinkedPerson() {
        residents.put(HASH, new FourAttributes("山田 太郎", "MALE", BORN, ADDRESS));
        UUID q = knownPerson(HASH, BORN, "100");
        UUID p = knownPerson(null, BORN, "200");
        Decisions d = decide(upsert(1, HASH, "200", BORN));
        assertEquals(Outcome.ACCEPTED, d.outcomes().get(0).outcome());
        assertTrue(d.held().isEmpty());
        assertEquals(Map.of(p, q), d.moves(), "P's qualifications move to Q");
        QualificationWrite updated = d.qualifications().values().iterator().next();
        assertFalse(updated.isNew, "the moved qualification is updated, not duplicated");
        assertEquals(q, updated.personId);
        assertTrue(d.changedPersons().containsAll(List.of(p, q)));
    }

    @Test
    void anUpsertWithAnotherValidFromAddsAQualificationAndTheSameValidFromUpdatesIt() {
        UUID p = knownPerson(null, BORN, "100");
        Pending later = new Pending(BATCH, 1, INSURER, Op.UPSERT, new MemberLine(null, "山田 太郎", "ヤマダ タロウ", "MALE",
                BORN, ADDRESS, "1", "100", "1", "100", "00", "INSURED", VALID_FROM.plusYears(3), null, 20, null));
        Decisions d = decide(later);
        QualificationWrite added = d.qualifications().values().iterator().next();
        assertTrue(added.isNew, "the earlier qualification is kept as history");
        assertEquals(p, added.personId);
        Decisions same = decide(upsert(1, null, "100", BORN));
        assertFalse(same.qualifications().values().iterator().next().isNew);
    }
}
