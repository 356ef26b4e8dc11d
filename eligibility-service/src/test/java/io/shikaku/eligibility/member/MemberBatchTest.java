package io.shikaku.eligibility.member;

import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.shikaku.common.event.Topics;
import io.shikaku.common.idempotency.IdempotencyKeys;
import io.shikaku.common.testing.KafkaTestKit;
import io.shikaku.common.testing.Tokens;
import io.shikaku.eligibility.mynumber.MyNumberHasher;
import io.shikaku.eligibility.support.Fixtures;

@QuarkusTest
class MemberBatchTest {

    private static final String INSURER = "06130017";
    private static final String OTHER_INSURER = "33120015";
    private static final String CLINIC = "0110113719";
    private static final String ADDRESS = "東京都千代田区霞が関1-2-2";
    private static final Duration PATIENCE = Duration.ofMinutes(5);
    private static final String INSERT_HELD = "INSERT INTO held_record (id, insurer_number, batch_id, line, code,"
            + " message, held_at, suspended_person_id) VALUES (?, ?, ?, ?, 'MY_NUMBER_LINKED_TO_OTHER_PERSON',"
            + " 'myNumber: linked to a person of another birth date or sex', now(), ?)";

    @Inject
    AgroalDataSource db;

    @Inject
    MyNumberHasher hasher;

    @Inject
    MemberWorker worker;

    @Inject
    ObjectMapper mapper;

    private Fixtures fixtures;

    @BeforeEach
    void insurers() {
        fixtures = new Fixtures(db);
        fixtures.insurer(INSURER, "さくら健康保険組合");
        fixtures.insurer(OTHER_INSURER, "みどり健康保険組合");
        fixtures.liveFacility(CLINIC);
    }

    @Test
    void aMixedBatchGivesEachLineItsOutcomeAndHoldsWhatTheRegistryDoesNotConfirm() {
        String agreeing = Fixtures.freshMyNumber();
        String otherAddress = Fixtures.freshMyNumber();
        String unknown = Fixtures.freshMyNumber();
        String linked = Fixtures.freshMyNumber();
        resident(agreeing, "山田 太郎", "MALE", "1980-04-01", ADDRESS);
        resident(otherAddress, "佐藤 花子", "FEMALE", "1975-06-15", "大阪府大阪市北区1-1");
        resident(linked, "鈴木 一郎", "MALE", "1960-01-10", ADDRESS);
        String linkedNumber = Fixtures.freshNumber();
        String first = submit(INSURER, null,
                List.of(upsert(linked, "鈴木 一郎", "MALE", "1960-01-10", linkedNumber, "2010-04-01"))).statusCode(202)
                .extract().path("batchId");
        awaitCompleted(INSURER, first);
        UUID suzuki = personByHash(linked);
        UUID other = fixtures.person("別人 次郎", "MALE", "1970-02-02");
        String othersNumber = Fixtures.freshNumber();
        fixtures.qualification(other, INSURER, "1", othersNumber, "00", "2012-04-01", null);

        Map<String, Object> badDates = upsert(null, "日付 逆", "MALE", "1980-04-01", Fixtures.freshNumber(),
                "2020-04-01");
        badDates.put("validUntil", "2019-03-31");
        Map<String, Object> badRate = upsert(null, "率 違い", "MALE", "1980-04-01", Fixtures.freshNumber(),
                "2020-04-01");
        badRate.put("copaymentRate", 40);
        Map<String, Object> unknownEnd = end(Fixtures.freshNumber(), "2024-03-31");
        List<Map<String, Object>> records = new ArrayList<>();
        records.add(upsert(agreeing, "山田　太郎", "MALE", "1980-04-01", Fixtures.freshNumber(), "2020-04-01"));
        records.add(upsert(otherAddress, "佐藤 花子", "FEMALE", "1975-06-15", Fixtures.freshNumber(), "2020-04-01"));
        records.add(upsert(unknown, "田中 三郎", "MALE", "1990-09-09", Fixtures.freshNumber(), "2020-04-01"));
        records.add(upsert(linked, "鈴木 一郎", "MALE", "1960-01-10", othersNumber, "2020-04-01"));
        records.add(upsert(linked.substring(0, 11) + ((linked.charAt(11) - '0' + 1) % 10), "誤 番号", "MALE",
                "1980-04-01", Fixtures.freshNumber(), "2020-04-01"));
        records.add(badDates);
        records.add(badRate);
        records.add(unknownEnd);
        records.add(upsert(null, "番号 なし", "FEMALE", "2001-12-24", Fixtures.freshNumber(), "2020-04-01"));
        records.add(null);

        String batch;
        try (KafkaTestKit.Watch watch = KafkaTestKit.watch(Topics.PERSON_QUALIFICATIONS)) {
            var accepted = submit(INSURER, null, records).statusCode(202)
                    .body("status", equalTo("ACCEPTED")).body("records", equalTo(10)).extract();
            batch = accepted.path("batchId");
            assertThat(accepted.header("Location"), endsWith("/api/v1/insurers/" + INSURER + "/member-batches/"
                    + batch));
            awaitCompleted(INSURER, batch);
            ConsumerRecord<String, String> event = watch.await(r -> r.key().equals(suzuki.toString()));
            assertTrue(event.value().contains("\"viewingSuspended\":true"), event.value());
            assertTrue(event.value().contains(linkedNumber), event.value());
            for (ConsumerRecord<String, String> seen : watch.seen()) {
                for (String myNumber : List.of(agreeing, otherAddress, unknown, linked)) {
                    assertFalse(seen.value().contains(myNumber), "no My Number in an event");
                }
                assertFalse(seen.value().contains("鈴木"), "no name in an event");
            }
        }

        view(INSURER, batch, "").statusCode(200)
                .body("status", equalTo("COMPLETED"))
                .body("accepted", equalTo(2)).body("held", equalTo(3)).body("rejected", equalTo(5))
                .body("lines.line", equalTo(List.of(1, 2, 3, 4, 5, 6, 7, 8, 9, 10)))
                .body("lines.outcome", equalTo(List.of("ACCEPTED", "HELD", "HELD", "HELD", "REJECTED", "REJECTED",
                        "REJECTED", "REJECTED", "ACCEPTED", "REJECTED")))
                .body("lines.code", equalTo(java.util.Arrays.asList(null, "RESIDENT_ATTRIBUTES_MISMATCH",
                        "RESIDENT_ATTRIBUTES_MISMATCH", "MY_NUMBER_LINKED_TO_OTHER_PERSON", "INVALID_MY_NUMBER",
                        "INVALID_DATES", "INVALID_FIELD", "INVALID_FIELD", null, "INVALID_FIELD")))
                .body("lines[1].message", equalTo(LineDecisions.NOT_CONFIRMED))
                .body("lines[2].message", equalTo(LineDecisions.NOT_CONFIRMED))
                .body("lines[6].message", equalTo("copaymentRate: must be 10, 20 or 30"))
                .body("lines[0].code", nullValue());
        assertTrue(suspended(suzuki), "the person the My Number is linked to is suspended");
        assertFalse(suspended(other));
        assertEquals(1, count("SELECT count(*) FROM person WHERE my_number_hash = ?", hasher.hash(agreeing)));

        var held = given().auth().oauth2(Tokens.insurer(INSURER))
                .get("/api/v1/insurers/" + INSURER + "/held-records?size=10000").then().statusCode(200)
                .body("heldRecords.batchId", hasItem(batch))
                .extract();
        String body = held.asString();
        for (String myNumber : List.of(otherAddress, unknown, linked)) {
            assertFalse(body.contains(myNumber), "no My Number in held records");
        }
        assertFalse(body.contains("\"myNumber\""), "not even its field");
        String linkedHeld = heldId(held.path("heldRecords"), batch, 4);
        String addressHeld = heldId(held.path("heldRecords"), batch, 2);

        given().auth().oauth2(Tokens.insurer(OTHER_INSURER))
                .delete("/api/v1/insurers/" + OTHER_INSURER + "/held-records/" + linkedHeld).then().statusCode(404);
        try (KafkaTestKit.Watch watch = KafkaTestKit.watch(Topics.PERSON_QUALIFICATIONS)) {
            given().auth().oauth2(Tokens.insurer(INSURER))
                    .delete("/api/v1/insurers/" + INSURER + "/held-records/" + linkedHeld).then().statusCode(204);
            ConsumerRecord<String, String> lifted = watch.await(r -> r.key().equals(suzuki.toString()));
            assertTrue(lifted.value().contains("\"viewingSuspended\":false"), lifted.value());
        }
        assertFalse(suspended(suzuki), "the suspension is lifted once its held record is discarded");
        given().auth().oauth2(Tokens.insurer(INSURER))
                .delete("/api/v1/insurers/" + INSURER + "/held-records/" + linkedHeld).then().statusCode(404);

        String corrected = submit(INSURER, null, List.of(upsert(otherAddress, "佐藤 花子", "FEMALE", "1975-06-15",
                Fixtures.freshNumber(), "2020-04-01", "大阪府大阪市北区1-1"))).statusCode(202).extract().path("batchId");
        awaitCompleted(INSURER, corrected);
        view(INSURER, corrected, "").body("accepted", equalTo(1));
        assertEquals(1, count("SELECT count(*) FROM held_record WHERE id = ? AND resolution = 'SUPERSEDED'",
                UUID.fromString(addressHeld)));
        given().auth().oauth2(Tokens.insurer(INSURER))
                .get("/api/v1/insurers/" + INSURER + "/held-records?size=10000").then().statusCode(200)
                .body("heldRecords.heldRecordId", not(hasItem(addressHeld)));
    }

    @Test
    void aCorrectedLineSupersedesTheHeldRecordThatSuspendedAPersonAndLiftsTheSuspension() {
        String myNumber = Fixtures.freshMyNumber();
        resident(myNumber, "高橋 光", "FEMALE", "1985-05-05", ADDRESS);
        String number = Fixtures.freshNumber();
        String first = submit(INSURER, null,
                List.of(upsert(myNumber, "高橋 光", "FEMALE", "1985-05-05", number, "2018-04-01"))).statusCode(202)
                .extract().path("batchId");
        awaitCompleted(INSURER, first);
        UUID takahashi = personByHash(myNumber);
        String wrong = submit(INSURER, null,
                List.of(upsert(myNumber, "高橋 光", "FEMALE", "1985-05-06", number, "2018-04-01"))).statusCode(202)
                .extract().path("batchId");
        awaitCompleted(INSURER, wrong);
        view(INSURER, wrong, "").body("lines[0].code", equalTo("RESIDENT_ATTRIBUTES_MISMATCH"));
        assertFalse(suspended(takahashi), "a registry mismatch suspends nobody");

        UUID other = fixtures.person("別人 三郎", "MALE", "1950-03-03");
        String othersNumber = Fixtures.freshNumber();
        fixtures.qualification(other, INSURER, "1", othersNumber, "00", "2012-04-01", null);
        String clash = submit(INSURER, null,
                List.of(upsert(myNumber, "高橋 光", "FEMALE", "1985-05-05", othersNumber, "2018-04-01")))
                .statusCode(202).extract().path("batchId");
        awaitCompleted(INSURER, clash);
        view(INSURER, clash, "").body("lines[0].code", equalTo("MY_NUMBER_LINKED_TO_OTHER_PERSON"));
        assertTrue(suspended(takahashi));

        String fix = submit(INSURER, null,
                List.of(upsert(myNumber, "高橋 光", "FEMALE", "1985-05-05", number, "2018-04-01")))
                .statusCode(202).extract().path("batchId");
        awaitCompleted(INSURER, fix);
        view(INSURER, fix, "").body("lines[0].outcome", equalTo("ACCEPTED"));
        assertFalse(suspended(takahashi), "the corrected line superseded the held records and lifted the suspension");
        assertEquals(0, count("SELECT count(*) FROM held_record WHERE my_number_hash = ? AND resolved_at IS NULL",
                hasher.hash(myNumber)));
        assertEquals(1, count("SELECT count(*) FROM qualification WHERE person_id = ?", takahashi),
                "the same individual insured number updates its qualification");
    }

    @Test
    void aPersonsSecondInsurerMakesTheFirstInsurersNumbersAnswerNewerExists() {
        String myNumber = Fixtures.freshMyNumber();
        resident(myNumber, "伊藤 誠", "MALE", "1978-08-08", ADDRESS);
        String firstNumber = Fixtures.freshNumber();
        Map<String, Object> firstLine = upsert(myNumber, "伊藤 誠", "MALE", "1978-08-08", firstNumber, "2015-04-01");
        String first = submit(INSURER, null, List.of(firstLine)).statusCode(202).extract().path("batchId");
        awaitCompleted(INSURER, first);
        String ended = submit(INSURER, null, List.of(end(firstNumber, "2024-03-31"))).statusCode(202).extract()
                .path("batchId");
        awaitCompleted(INSURER, ended);
        view(INSURER, ended, "").body("accepted", equalTo(1));
        String secondNumber = Fixtures.freshNumber();
        String second = submit(OTHER_INSURER, null,
                List.of(upsert(myNumber, "伊藤 誠", "MALE", "1978-08-08", secondNumber, "2024-04-01")))
                .statusCode(202).extract().path("batchId");
        awaitCompleted(OTHER_INSURER, second);
        assertEquals(1, count("SELECT count(DISTINCT person_id) FROM qualification q JOIN person p"
                + " ON p.id = q.person_id WHERE p.my_number_hash = ?", hasher.hash(myNumber)),
                "the same person keeps one personId across insurers");

        Map<String, Object> check = Map.of("method", "INSURANCE_CARD", "visitDate", "2026-11-21", "insurerNumber",
                INSURER, "symbol", "1", "number", firstNumber, "branch", "00", "birthDate", "1978-08-08");
        given().auth().oauth2(Tokens.clinic(CLINIC)).contentType(ContentType.JSON).body(check)
                .post("/api/v1/eligibility/checks").then().statusCode(200)
                .body("validity", equalTo("INVALID_NEWER_EXISTS"))
                .body("qualification.insurerNumber", equalTo(OTHER_INSURER))
                .body("qualification.number", equalTo(secondNumber));
    }

    @Test
    void theSameIdempotencyKeyAndBodyGiveOneBatchAndAnotherBodyIsAConflict() {
        String key = UUID.randomUUID().toString();
        List<Map<String, Object>> records = List.of(upsert(null, "冪等 太郎", "MALE", "1980-04-01",
                Fixtures.freshNumber(), "2020-04-01"));
        String first = submit(INSURER, key, records).statusCode(202).extract().path("batchId");
        awaitCompleted(INSURER, first);
        long persons = count("SELECT count(*) FROM person");
        submit(INSURER, key, records).statusCode(202).body("batchId", equalTo(first));
        assertEquals(persons, count("SELECT count(*) FROM person"), "a repeat changes nothing");
        assertEquals(1, count("SELECT count(*) FROM member_line WHERE batch_id = ?", UUID.fromString(first)));
        submit(INSURER, key, List.of(upsert(null, "冪等 花子", "FEMALE", "1980-04-01", Fixtures.freshNumber(),
                "2020-04-01"))).statusCode(409).body("code", equalTo("CONFLICT"));
        submit(OTHER_INSURER, key, records).statusCode(202).body("batchId", not(equalTo(first)));
    }

    @Test
    void theStoredIdempotencyHashIsNoPlainDigestOfABodyWithAMyNumberAndTheSameBodyStillGivesTheSameBatch()
            throws Exception {
        String key = UUID.randomUUID().toString();
        String myNumber = Fixtures.freshMyNumber();
        List<Map<String, Object>> records = List.of(upsert(myNumber, "冪等 一郎", "MALE", "1980-04-01",
                Fixtures.freshNumber(), "2020-04-01"));
        String first = submit(INSURER, key, records).statusCode(202).extract().path("batchId");
        String stored = text("SELECT request_hash FROM idempotency_key WHERE scope = ? AND key = ?",
                "member-batch:" + INSURER, key);
        String plain = IdempotencyKeys.hash(mapper.writeValueAsString(
                mapper.convertValue(Map.of("records", records), MemberBatches.Request.class)));
        assertFalse(plain.equals(stored), "the plain SHA-256 of the body would give the My Number away");
        assertFalse(stored.contains(myNumber));
        submit(INSURER, key, records).statusCode(202).body("batchId", equalTo(first));
        awaitCompleted(INSURER, first);
    }

    @Test
    void anInsurerActsOnlyForItsOwnNumber() {
        List<Map<String, Object>> records = List.of(end(Fixtures.freshNumber(), "2024-03-31"));
        given().auth().oauth2(Tokens.insurer(OTHER_INSURER)).contentType(ContentType.JSON)
                .body(Map.of("records", records)).post("/api/v1/insurers/" + INSURER + "/member-batches").then()
                .statusCode(403);
        given().auth().oauth2(Tokens.clinic(CLINIC)).contentType(ContentType.JSON).body(Map.of("records", records))
                .post("/api/v1/insurers/" + INSURER + "/member-batches").then().statusCode(403);
        String batch = submit(INSURER, null, records).statusCode(202).extract().path("batchId");
        given().auth().oauth2(Tokens.insurer(OTHER_INSURER))
                .get("/api/v1/insurers/" + INSURER + "/member-batches/" + batch).then().statusCode(403);
        view(OTHER_INSURER, batch, "").statusCode(404).body("code", equalTo("NOT_FOUND"));
        given().auth().oauth2(Tokens.insurer(OTHER_INSURER)).get("/api/v1/insurers/" + INSURER + "/held-records")
                .then().statusCode(403);
        given().auth().oauth2(Tokens.insurer("01000019")).contentType(ContentType.JSON)
                .body(Map.of("records", records)).post("/api/v1/insurers/01000019/member-batches").then()
                .statusCode(404).body("code", equalTo("NOT_FOUND"));
    }

    @Test
    void emptyAndOversizedBatchesAreRefusedWhole() {
        submit(INSURER, null, List.of()).statusCode(400).body("code", equalTo("VALIDATION_FAILED"));
        List<Map<String, Object>> records = new ArrayList<>();
        Map<String, Object> line = end("1", "2024-03-31");
        for (int i = 0; i <= MemberBatches.MAX_RECORDS; i++) {
            records.add(line);
        }
        submit(INSURER, null, records).statusCode(413).body("code", equalTo("PAYLOAD_TOO_LARGE"));
    }

    @Test
    void aWorkerStoppedMidWayNeitherLosesNorRepeatsALine() {
        KafkaTestKit.await("the worker idle with nothing pending", PATIENCE,
                () -> worker.idle() && count("SELECT count(*) FROM member_line WHERE pending") == 0, done -> done);
        UUID batch = UUID.randomUUID();
        int size = 7;
        update("INSERT INTO member_batch (id, insurer_number, status, records, accepted_at)"
                + " VALUES (?, ?, 'ACCEPTED', ?, now())", batch, INSURER, size);
        String number = Fixtures.freshNumber();
        update("INSERT INTO member_line (batch_id, line, pending, op, name, name_kana, sex, birth_date, symbol,"
                + " number, symbol_key, number_key, branch, relationship, valid_from, copayment_rate)"
                + " SELECT ?, g, true, 'UPSERT', '再開 ' || g, 'サイカイ', 'MALE', DATE '1980-04-01', '', ? || g,"
                + " '', ? || g, '00', 'INSURED', DATE '2020-04-01', 30 FROM generate_series(1, ?) g", batch, number,
                number, size);

        assertEquals(3, worker.processChunk(3).await().atMost(PATIENCE), "one chunk committed before the 'crash'");
        assertEquals(size - 3, count("SELECT count(*) FROM member_line WHERE batch_id = ? AND pending", batch));
        worker.wake();
        awaitCompleted(INSURER, batch.toString());
        view(INSURER, batch.toString(), "").body("accepted", equalTo(size));
        assertEquals(size, count("SELECT count(*) FROM qualification WHERE number LIKE ? || '%'", number));
    }

    @Test
    void fiftyThousandLinesAreApplied() {
        int size = MemberBatches.MAX_RECORDS;
        List<Map<String, Object>> residents = new ArrayList<>(size);
        List<Map<String, Object>> records = new ArrayList<>(size);
        String prefix = Fixtures.freshNumber();
        for (int i = 0; i < size; i++) {
            String myNumber = Fixtures.freshMyNumber();
            String name = "大量 " + i;
            residents.add(Map.of("myNumber", myNumber, "name", name, "nameKana", "タイリョウ", "sex", "FEMALE",
                    "birthDate", "1990-01-01", "address", ADDRESS));
            records.add(upsert(myNumber, name, "FEMALE", "1990-01-01", prefix + "-" + i, "2021-04-01"));
        }
        given().auth().oauth2(Tokens.registryFeed()).contentType(ContentType.JSON)
                .body(Map.of("records", residents)).post("/api/v1/resident-registry/imports").then().statusCode(200)
                .body("upserted", equalTo(size));
        long started = System.nanoTime();
        String batch = submit(INSURER, null, records).statusCode(202).extract().path("batchId");
        long accepted = System.nanoTime();
        awaitCompleted(INSURER, batch);
        long completed = System.nanoTime();
        System.out.printf("Member batch of %d lines: accepted in %d ms, completed in %d ms%n", size,
                (accepted - started) / 1_000_000, (completed - started) / 1_000_000);
        view(INSURER, batch, "?page=4&size=10000").statusCode(200)
                .body("accepted", equalTo(size)).body("held", equalTo(0)).body("rejected", equalTo(0))
                .body("lines.size()", equalTo(10_000)).body("lines[9999].line", equalTo(size));
        assertEquals(size, count("SELECT count(*) FROM qualification WHERE number LIKE ? || '-%'", prefix));
    }

    private static void resident(String myNumber, String name, String sex, String birthDate, String address) {
        given().auth().oauth2(Tokens.registryFeed()).contentType(ContentType.JSON)
                .body(Map.of("records", List.of(Map.of("myNumber", myNumber, "name", name, "nameKana", "テスト",
                        "sex", sex, "birthDate", birthDate, "address", address))))
                .post("/api/v1/resident-registry/imports").then().statusCode(200).body("upserted", equalTo(1));
    }

    @Test
    void aDiscardRacingANewHoldOfTheSamePersonLeavesTheSuspensionInPlace() throws Exception {
        UUID person = fixtures.person("並行 太郎", "MALE", "1970-07-07");
        UUID batch = UUID.randomUUID();
        update("INSERT INTO member_batch (id, insurer_number, status, records, accepted_at, completed_at)"
                + " VALUES (?, ?, 'COMPLETED', 2, now(), now())", batch, INSURER);
        UUID discarded = UUID.randomUUID();
        update(INSERT_HELD, discarded, INSURER, batch, 1, person);
        fixtures.suspendViewing(person);
        try (Connection worker = db.getConnection()) {
            worker.setAutoCommit(false);
            // A worker's chunk mid-way: it holds a second line suspending the person and has locked the person.
            execute(worker, INSERT_HELD, UUID.randomUUID(), INSURER, batch, 2, person);
            execute(worker, "SELECT id FROM person WHERE id = ? FOR UPDATE", person);
            CompletableFuture<Integer> discard = CompletableFuture.supplyAsync(() -> given().auth()
                    .oauth2(Tokens.insurer(INSURER)).delete("/api/v1/insurers/" + INSURER + "/held-records/"
                            + discarded)
                    .then().extract().statusCode());
            KafkaTestKit.await("the discard waiting for the person", PATIENCE,
                    () -> count("SELECT count(*) FROM pg_stat_activity WHERE datname = current_database()"
                            + " AND wait_event_type = 'Lock'"),
                    waiting -> waiting > 0);
            worker.commit();
            assertEquals(204, discard.get(PATIENCE.toSeconds(), TimeUnit.SECONDS));
        }
        assertTrue(suspended(person), "the held record the worker added is open: the person stays suspended");
    }

    @Test
    void aMyNumberSentLaterMovesTheUnlinkedPersonsQualificationsToThePersonItIsLinkedTo() {
        String myNumber = Fixtures.freshMyNumber();
        resident(myNumber, "渡辺 健", "MALE", "1966-06-06", ADDRESS);
        String first = submit(INSURER, null, List.of(upsert(myNumber, "渡辺 健", "MALE", "1966-06-06",
                Fixtures.freshNumber(), "2010-04-01"))).statusCode(202).extract().path("batchId");
        awaitCompleted(INSURER, first);
        UUID linked = personByHash(myNumber);
        String number = Fixtures.freshNumber();
        String without = submit(OTHER_INSURER, null, List.of(upsert(null, "渡辺 健", "MALE", "1966-06-06", number,
                "2024-04-01"))).statusCode(202).extract().path("batchId");
        awaitCompleted(OTHER_INSURER, without);
        UUID unlinked = UUID.fromString(text("SELECT person_id::text FROM qualification WHERE insurer_number = ?"
                + " AND number = ?", OTHER_INSURER, number));
        assertFalse(unlinked.equals(linked), "without My Number another insurer's line made a person of its own");

        try (KafkaTestKit.Watch watch = KafkaTestKit.watch(Topics.PERSON_QUALIFICATIONS)) {
            String corrected = submit(OTHER_INSURER, null, List.of(upsert(myNumber, "渡辺 健", "MALE", "1966-06-06",
                    number, "2024-04-01"))).statusCode(202).extract().path("batchId");
            awaitCompleted(OTHER_INSURER, corrected);
            view(OTHER_INSURER, corrected, "").body("lines[0].outcome", equalTo("ACCEPTED"));
            ConsumerRecord<String, String> event = watch.await(r -> r.key().equals(linked.toString())
                    && r.value().contains(number));
            assertTrue(event.value().contains(OTHER_INSURER), event.value());
            watch.await(r -> r.key().equals(unlinked.toString()));
        }
        assertEquals(2, count("SELECT count(*) FROM qualification WHERE person_id = ?", linked));
        assertEquals(0, count("SELECT count(*) FROM qualification WHERE person_id = ?", unlinked));
    }

    @Test
    void anUpsertWithAnotherValidFromKeepsTheEarlierQualificationAsHistory() {
        String number = Fixtures.freshNumber();
        for (String validFrom : List.of("2020-04-01", "2023-04-01", "2023-04-01")) {
            String batch = submit(INSURER, null, List.of(upsert(null, "履歴 花子", "FEMALE", "1985-01-01", number,
                    validFrom))).statusCode(202).extract().path("batchId");
            awaitCompleted(INSURER, batch);
            view(INSURER, batch, "").body("accepted", equalTo(1));
        }
        assertEquals(2, count("SELECT count(*) FROM qualification WHERE number = ?", number),
                "another validFrom adds a qualification, the same one updates it");
        assertEquals(1, count("SELECT count(*) FROM qualification WHERE number = ? AND valid_from = DATE '2020-04-01'",
                number));
    }

    @Test
    void aBatchAnotherWorkerHoldsIsLeftToItSoItsLinesAreNeverDecidedOutOfOrder() throws SQLException {
        awaitIdle();
        String number = Fixtures.freshNumber();
        UUID batch = pendingBatch(7, number, "INSURED");
        try (Connection other = db.getConnection()) {
            other.setAutoCommit(false);
            execute(other, "SELECT id FROM member_batch WHERE id = ? FOR NO KEY UPDATE", batch);
            execute(other, "SELECT line FROM member_line WHERE batch_id = ? AND line <= 3 FOR UPDATE", batch);
            assertEquals(0, worker.processChunk(3).await().atMost(PATIENCE),
                    "lines 4 to 6 wait until lines 1 to 3 are decided");
            assertEquals(7, count("SELECT count(*) FROM member_line WHERE batch_id = ? AND pending", batch));
            other.rollback();
        }
        worker.wake();
        awaitCompleted(INSURER, batch.toString());
    }

    @Test
    void aBatchWhoseChunkFailsDoesNotHoldUpAnotherInsurersLaterBatch() {
        awaitIdle();
        UUID broken = pendingBatch(2, Fixtures.freshNumber(), "SPOUSE");
        try {
            String later = submit(OTHER_INSURER, null, List.of(upsert(null, "後続 太郎", "MALE", "1980-04-01",
                    Fixtures.freshNumber(), "2020-04-01"))).statusCode(202).extract().path("batchId");
            awaitCompleted(OTHER_INSURER, later);
            view(OTHER_INSURER, later, "").body("accepted", equalTo(1));
            assertEquals(2, count("SELECT count(*) FROM member_line WHERE batch_id = ? AND pending", broken),
                    "the failing batch is left for the timer to retry");
        } finally {
            update("UPDATE member_line SET pending = false, outcome = 'REJECTED', code = 'INVALID_FIELD',"
                    + " message = 'relationship: must be INSURED or DEPENDANT' WHERE batch_id = ?", broken);
        }
    }

    private void awaitIdle() {
        KafkaTestKit.await("the worker idle with nothing pending", PATIENCE,
                () -> worker.idle() && count("SELECT count(*) FROM member_line WHERE pending") == 0, done -> done);
    }

    /** A batch of this insurer stored straight in the tables, its lines pending, without waking the worker. */
    private UUID pendingBatch(int size, String number, String relationship) {
        UUID batch = UUID.randomUUID();
        update("INSERT INTO member_batch (id, insurer_number, status, records, accepted_at)"
                + " VALUES (?, ?, 'ACCEPTED', ?, now())", batch, INSURER, size);
        update("INSERT INTO member_line (batch_id, line, pending, op, name, name_kana, sex, birth_date, symbol,"
                + " number, symbol_key, number_key, branch, relationship, valid_from, copayment_rate)"
                + " SELECT ?, g, true, 'UPSERT', '順番 ' || g, 'ジュンバン', 'MALE', DATE '1980-04-01', '', ? || g,"
                + " '', ? || g, '00', ?, DATE '2020-04-01', 30 FROM generate_series(1, ?) g", batch, number,
                number, relationship, size);
        return batch;
    }

    private static void execute(Connection connection, String sql, Object... values) throws SQLException {
        try (PreparedStatement s = connection.prepareStatement(sql)) {
            for (int i = 0; i < values.length; i++) {
                s.setObject(i + 1, values[i]);
            }
            s.execute();
        }
    }

    static Map<String, Object> upsert(String myNumber, String name, String sex, String birthDate, String number,
            String validFrom) {
        return upsert(myNumber, name, sex, birthDate, number, validFrom, ADDRESS);
    }

    static Map<String, Object> upsert(String myNumber, String name, String sex, String birthDate, String number,
            String validFrom, String address) {
        Map<String, Object> line = new HashMap<>();
        line.put("op", "UPSERT");
        if (myNumber != null) {
            line.put("myNumber", myNumber);
        }
        line.put("name", name);
        line.put("nameKana", "テスト");
        line.put("sex", sex);
        line.put("birthDate", birthDate);
        line.put("address", address);
        line.put("symbol", "1");
        line.put("number", number);
        line.put("branch", "00");
        line.put("relationship", "INSURED");
        line.put("validFrom", validFrom);
        line.put("copaymentRate", 30);
        return line;
    }

    static Map<String, Object> end(String number, String validUntil) {
        Map<String, Object> line = new HashMap<>();
        line.put("op", "END");
        line.put("symbol", "1");
        line.put("number", number);
        line.put("branch", "00");
        line.put("validUntil", validUntil);
        return line;
    }

    private static String heldId(List<Map<String, Object>> held, String batch, int line) {
        return held.stream().filter(h -> batch.equals(h.get("batchId")) && Integer.valueOf(line).equals(h.get("line")))
                .map(h -> (String) h.get("heldRecordId")).findFirst().orElseThrow();
    }

    private ValidatableResponse submit(String insurer, String key, List<Map<String, Object>> records) {
        var request = given().auth().oauth2(Tokens.insurer(insurer)).contentType(ContentType.JSON)
                .body(Map.of("records", records));
        if (key != null) {
            request = request.header("Idempotency-Key", key);
        }
        return request.post("/api/v1/insurers/" + insurer + "/member-batches").then();
    }

    private ValidatableResponse view(String insurer, String batch, String query) {
        return given().auth().oauth2(Tokens.insurer(insurer))
                .get("/api/v1/insurers/" + insurer + "/member-batches/" + batch + query).then();
    }

    private void awaitCompleted(String insurer, String batch) {
        KafkaTestKit.await("member batch " + batch + " completed", PATIENCE,
                () -> view(insurer, batch, "?size=1").statusCode(200).extract().<String>path("status"),
                "COMPLETED"::equals);
    }

    private UUID personByHash(String myNumber) {
        return UUID.fromString(text("SELECT id::text FROM person WHERE my_number_hash = ?", hasher.hash(myNumber)));
    }

    private boolean suspended(UUID person) {
        return Boolean.parseBoolean(text("SELECT viewing_suspended::text FROM person WHERE id = ?", person));
    }

    private String text(String sql, Object... values) {
        try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < values.length; i++) {
                s.setObject(i + 1, values[i]);
            }
            try (ResultSet rows = s.executeQuery()) {
                rows.next();
                return rows.getString(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private long count(String sql, Object... values) {
        return Long.parseLong(text(sql, values));
    }

    private void update(String sql, Object... values) {
        try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < values.length; i++) {
                s.setObject(i + 1, values[i]);
            }
            s.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
