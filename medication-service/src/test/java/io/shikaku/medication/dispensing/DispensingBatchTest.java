package io.shikaku.medication.dispensing;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.shikaku.common.json.CalendarDates;
import io.shikaku.common.testing.Tokens;
import io.shikaku.medication.support.Db;
import io.shikaku.medication.support.Dispensings;
import io.shikaku.medication.support.PersonEvents;

@QuarkusTest
class DispensingBatchTest {

    @Inject
    AgroalDataSource dataSource;

    private Db db;
    private PersonEvents persons;

    @BeforeEach
    void consumerAttached() {
        db = new Db(dataSource);
        persons = new PersonEvents(db);
        persons.awaitConsumerAttached();
    }

    @Test
    void eachLineGetsItsOutcomeAndTheValidOnesAreKept() {
        LocalDate today = LocalDate.now(CalendarDates.JAPAN);
        String number = PersonEvents.freshNumber();
        List<Map<String, Object>> records = new ArrayList<>();
        records.add(Dispensings.record(number, today.minusDays(3), Dispensings.LOXOPROFEN, 7));
        records.add(with(number, "drugCode", "ABC"));
        records.add(with(number, "days", 0));
        records.add(with(number, "days", 366));
        records.add(with(number, "dispensedOn", today.plusDays(1).toString()));
        records.add(with(number, "prescribedOn", today.toString()));
        records.add(with(number, "insurerNumber", "06130018"));
        records.add(with(number, "quantity", "3"));
        records.add(with(number, "setting", "HOME"));
        records.add(with(number, "dispensingFacilityCode", "0110113710"));
        records.add(null);
        records.add(Dispensings.record(number, today, Dispensings.AMLODIPINE, 365));

        var accepted = Dispensings.submit(null, records).statusCode(202)
                .body("status", equalTo("ACCEPTED")).body("records", equalTo(12)).extract();
        String batch = accepted.path("batchId");
        assertThat(accepted.header("Location"), endsWith("/api/v1/claims/dispensing-batches/" + batch));
        Dispensings.awaitCompleted(batch);

        Dispensings.view(batch, "").statusCode(200)
                .body("accepted", equalTo(2)).body("rejected", equalTo(10)).body("attached", equalTo(0))
                .body("lines.line", equalTo(List.of(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12)))
                .body("lines.outcome", equalTo(List.of("ACCEPTED", "REJECTED", "REJECTED", "REJECTED", "REJECTED",
                        "REJECTED", "REJECTED", "REJECTED", "REJECTED", "REJECTED", "REJECTED", "ACCEPTED")))
                .body("lines.code", equalTo(Arrays.asList(null, "INVALID_FIELD", "INVALID_FIELD", "INVALID_FIELD",
                        "INVALID_DATES", "INVALID_DATES", "INVALID_FIELD", "INVALID_FIELD", "INVALID_FIELD",
                        "INVALID_FIELD", "INVALID_FIELD", null)))
                .body("lines[2].message", equalTo("days: must be from 1 to 365"))
                .body("lines[4].message", equalTo("dispensedOn: must not be in the future"));
        assertEquals(2, db.count("SELECT count(*) FROM dispensing WHERE number = ?", number));
        Dispensings.view(batch, "?page=1&size=10").statusCode(200).body("lines.line", equalTo(List.of(11, 12)));
    }

    @Test
    void theSameKeyAndBodyGiveTheSameBatchAndAnotherBodyIsAConflict() {
        String number = PersonEvents.freshNumber();
        String key = "dispensing-" + UUID.randomUUID();
        List<Map<String, Object>> records = List.of(Dispensings.record(number, LocalDate.of(2026, 1, 5),
                Dispensings.LOXOPROFEN, 5));
        String first = Dispensings.submit(key, records).statusCode(202).extract().path("batchId");
        Dispensings.submit(key, records).statusCode(202).body("batchId", equalTo(first));
        Dispensings.submit(key, List.of(Dispensings.record(number, LocalDate.of(2026, 1, 6),
                Dispensings.LOXOPROFEN, 5))).statusCode(409).body("code", equalTo("CONFLICT"));
        assertEquals(1, db.count("SELECT count(*) FROM dispensing WHERE number = ?", number));
        Dispensings.submit("k".repeat(256), records).statusCode(400).body("code", equalTo("VALIDATION_FAILED"))
                .body("errors[0].field", equalTo("Idempotency-Key"));
        Dispensings.submit("two words", records).statusCode(400).body("errors[0].field", equalTo("Idempotency-Key"));
    }

    @Test
    void aBatchSentAgainWithoutAKeyAddsNothingAndReportsItsLinesAsReceivedBefore() {
        String number = PersonEvents.freshNumber();
        UUID person = UUID.randomUUID();
        persons.awaitHandled(PersonEvents.publish(person, false, List.of(PersonEvents.since(number,
                LocalDate.of(2020, 4, 1)))));
        List<Map<String, Object>> records = List.of(
                Dispensings.record(number, LocalDate.of(2026, 1, 5), Dispensings.LOXOPROFEN, 5),
                Dispensings.record(number, LocalDate.of(2026, 1, 5), Dispensings.AMLODIPINE, 30));
        String first = Dispensings.submitAndComplete(records);
        Dispensings.view(first, "").body("accepted", equalTo(2)).body("attached", equalTo(2))
                .body("lines.code", equalTo(Arrays.asList(null, null)));

        Map<String, Object> sameAgain = new HashMap<>(records.get(0));
        sameAgain.put("drugName", "ロキソニン錠60mg（再送）");
        String again = Dispensings.submitAndComplete(List.of(records.get(1), sameAgain,
                Dispensings.record(number, LocalDate.of(2026, 1, 6), Dispensings.LOXOPROFEN, 5),
                Dispensings.record(number, LocalDate.of(2026, 1, 6), Dispensings.LOXOPROFEN, 5)));

        Dispensings.view(again, "").body("accepted", equalTo(4)).body("rejected", equalTo(0))
                .body("lines.outcome", equalTo(List.of("ACCEPTED", "ACCEPTED", "ACCEPTED", "ACCEPTED")))
                .body("lines.code", equalTo(Arrays.asList("DUPLICATE_RECORD", "DUPLICATE_RECORD", null,
                        "DUPLICATE_RECORD")));
        assertEquals(3, db.count("SELECT count(*) FROM dispensing WHERE person_id = ?", person),
                "each dispensing once in the person's medication");
    }

    @Test
    void aBatchAboveFiftyThousandRecordsIsTooLargeAndAnEmptyOneInvalid() {
        List<Map<String, Object>> tooMany = Collections.nCopies(DispensingBatches.MAX_RECORDS + 1, null);
        Dispensings.submit(null, tooMany).statusCode(413).body("code", equalTo("PAYLOAD_TOO_LARGE"));
        Dispensings.submit(null, List.of()).statusCode(400).body("code", equalTo("VALIDATION_FAILED"));
    }

    @Test
    void onlyTheClaimsFeedMaySubmit() {
        RestAssured.given().auth().oauth2(Tokens.clinic(Dispensings.CLINIC)).contentType(ContentType.JSON)
                .body(Map.of("records", List.of())).post("/api/v1/claims/dispensing-batches").then()
                .statusCode(403).body("code", equalTo("FORBIDDEN"));
    }

    @Test
    void aRecordForAKnownPersonIsAttachedToTheQualificationInForceOnTheDispensingDate() {
        String number = PersonEvents.freshNumber();
        UUID before = UUID.randomUUID();
        UUID after = UUID.randomUUID();
        persons.awaitHandled(PersonEvents.publish(before, false, List.of(new PersonEvents.Qualification(
                PersonEvents.INSURER, "1234", number, "00", LocalDate.of(2020, 4, 1), LocalDate.of(2025, 3, 31)))));
        persons.awaitHandled(PersonEvents.publish(after, false, List.of(new PersonEvents.Qualification(
                PersonEvents.INSURER, "１２３４", " " + number, "00", LocalDate.of(2025, 4, 1), null))));

        String batch = Dispensings.submitAndComplete(List.of(
                Dispensings.record(number, LocalDate.of(2025, 3, 31), Dispensings.LOXOPROFEN, 7),
                Dispensings.record(number, LocalDate.of(2025, 4, 1), Dispensings.LOXOPROFEN, 7),
                Dispensings.record(number, LocalDate.of(2019, 4, 1), Dispensings.LOXOPROFEN, 7)));

        Dispensings.view(batch, "").body("accepted", equalTo(3)).body("attached", equalTo(2));
        assertEquals(1, db.count("SELECT count(*) FROM dispensing WHERE batch_id = ? AND person_id = ?",
                UUID.fromString(batch), before));
        assertEquals(1, db.count("SELECT count(*) FROM dispensing WHERE batch_id = ? AND person_id = ?"
                + " AND dispensed_on = '2025-04-01'", UUID.fromString(batch), after));
    }

    @Test
    void aRecordArrivingBeforeItsPersonIsKeptAndAttachedWhenTheMappingArrivesOnce() {
        String number = PersonEvents.freshNumber();
        String batch = Dispensings.submitAndComplete(List.of(
                Dispensings.record(number, LocalDate.of(2026, 2, 1), Dispensings.AMLODIPINE, 30)));
        Dispensings.view(batch, "").body("accepted", equalTo(1)).body("attached", equalTo(0));

        UUID person = UUID.randomUUID();
        String mapping = PersonEvents.envelope(UUID.randomUUID(), java.time.Instant.now(), person, false,
                List.of(PersonEvents.since(number, LocalDate.of(2024, 4, 1))));
        PersonEvents.publishRaw(person, mapping);
        io.shikaku.common.testing.KafkaTestKit.await("the record attached",
                () -> db.count("SELECT count(*) FROM dispensing WHERE number = ? AND person_id = ?", number, person),
                n -> n == 1);

        // The person loses the number (a later state), then the first event is delivered again: no second effect.
        persons.awaitHandled(PersonEvents.publish(person, false, List.of()));
        assertEquals(0, db.count("SELECT count(*) FROM dispensing WHERE number = ? AND person_id IS NOT NULL",
                number));
        PersonEvents.publishRaw(person, mapping);
        persons.awaitHandled(PersonEvents.publish(UUID.randomUUID(), false, List.of()));
        assertEquals(0, db.count("SELECT count(*) FROM dispensing WHERE number = ? AND person_id IS NOT NULL",
                number), "the redelivered mapping changed nothing");
        assertEquals(1, db.count("SELECT count(*) FROM dispensing WHERE number = ?", number), "never dropped");
    }

    @Test
    void aNumberHeldByTwoPersonsAtOnceAttachesToNeitherUntilOneNoLongerHoldsIt() {
        String number = PersonEvents.freshNumber();
        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();
        persons.awaitHandled(PersonEvents.publish(first, false, List.of(PersonEvents.since(number,
                LocalDate.of(2020, 4, 1)))));
        String batch = Dispensings.submitAndComplete(List.of(
                Dispensings.record(number, LocalDate.of(2026, 2, 1), Dispensings.LOXOPROFEN, 7)));
        Dispensings.view(batch, "").body("attached", equalTo(1));

        persons.awaitHandled(PersonEvents.publish(second, false, List.of(PersonEvents.since(number,
                LocalDate.of(2021, 4, 1)))));
        assertEquals(0, db.count("SELECT count(*) FROM dispensing WHERE number = ? AND person_id IS NOT NULL",
                number), "ambiguous: shown to nobody");
        String later = Dispensings.submitAndComplete(List.of(
                Dispensings.record(number, LocalDate.of(2026, 3, 1), Dispensings.LOXOPROFEN, 7)));
        Dispensings.view(later, "").body("attached", equalTo(0));

        persons.awaitHandled(PersonEvents.publish(first, false, List.of()));
        assertEquals(2, db.count("SELECT count(*) FROM dispensing WHERE number = ? AND person_id = ?", number,
                second), "the remaining holder gets both");
    }

    @Test
    void qualificationsMovedToAnotherPersonTakeTheirDispensingsAlongInEitherOrder() {
        for (boolean newHolderFirst : new boolean[] {true, false}) {
            String number = PersonEvents.freshNumber();
            UUID from = UUID.randomUUID();
            UUID to = UUID.randomUUID();
            persons.awaitHandled(PersonEvents.publish(from, false, List.of(PersonEvents.since(number,
                    LocalDate.of(2020, 4, 1)))));
            Dispensings.submitAndComplete(List.of(
                    Dispensings.record(number, LocalDate.of(2026, 2, 1), Dispensings.AMLODIPINE, 30)));
            List<Runnable> events = new ArrayList<>(List.of(
                    () -> persons.awaitHandled(PersonEvents.publish(to, false, List.of(PersonEvents.since(number,
                            LocalDate.of(2020, 4, 1))))),
                    () -> persons.awaitHandled(PersonEvents.publish(from, false, List.of()))));
            if (!newHolderFirst) {
                Collections.reverse(events);
            }
            events.forEach(Runnable::run);
            assertEquals(1, db.count("SELECT count(*) FROM dispensing WHERE number = ? AND person_id = ?", number,
                    to), "moved when the new holder's event came " + (newHolderFirst ? "first" : "last"));
        }
    }

    @Test
    void fiftyThousandLinesAreAcceptedAndAttached() {
        int size = DispensingBatches.MAX_RECORDS;
        String prefix = PersonEvents.freshNumber() + "-";
        List<Map<String, Object>> records = new ArrayList<>(size);
        // 50,000 different dispensings (each record is kept once: no two lines alike in number, dates, drug and days)
        for (int i = 0; i < size; i++) {
            records.add(Dispensings.record(prefix + (i % 5_000), LocalDate.of(2026, 1, 1).plusDays(i % 300),
                    i % 2 == 0 ? Dispensings.LOXOPROFEN : Dispensings.AMLODIPINE, 1 + i % 89));
        }
        // 5,000 persons, each holding one of the numbers, projected before the batch arrives.
        db.update("INSERT INTO person (id, viewing_suspended, state_time) SELECT cast(md5(? || g) as uuid), false,"
                + " now() FROM generate_series(0, 4999) g", prefix);
        db.update("INSERT INTO insured_number (person_id, insurer_number, symbol_key, number_key, branch, valid_from)"
                + " SELECT cast(md5(? || g) as uuid), ?, '1234', ? || g, '00', DATE '2020-04-01'"
                + " FROM generate_series(0, 4999) g", prefix, PersonEvents.INSURER, prefix);
        String body = json(Map.of("records", records));
        long started = System.nanoTime();
        String batch = RestAssured.given().auth().oauth2(Tokens.claimsFeed()).contentType(ContentType.JSON).body(body)
                .post("/api/v1/claims/dispensing-batches").then().statusCode(202).extract().path("batchId");
        long accepted = System.nanoTime();
        Dispensings.awaitCompleted(batch);
        long completed = System.nanoTime();
        System.out.printf("Dispensing batch of %d lines: accepted in %d ms, all attached (completed) in %d ms%n",
                size, (accepted - started) / 1_000_000, (completed - started) / 1_000_000);
        Dispensings.view(batch, "?page=4&size=10000").statusCode(200)
                .body("accepted", equalTo(size)).body("rejected", equalTo(0)).body("attached", equalTo(size))
                .body("lines.size()", equalTo(10_000)).body("lines[9999].line", equalTo(size));
    }

    /** The body as the feed sends it, written before the clock starts: the figure is the service's, not the client's. */
    private static String json(Object body) {
        try {
            return new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(body);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, Object> with(String number, String field, Object value) {
        Map<String, Object> r = new HashMap<>(Dispensings.record(number, LocalDate.of(2026, 1, 5),
                Dispensings.LOXOPROFEN, 7));
        r.put(field, value);
        return r;
    }
}
