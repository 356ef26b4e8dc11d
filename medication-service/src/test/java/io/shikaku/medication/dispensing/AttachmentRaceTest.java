package io.shikaku.medication.dispensing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.shikaku.common.testing.KafkaTestKit;
import io.shikaku.medication.support.Db;
import io.shikaku.medication.support.Dispensings;
import io.shikaku.medication.support.PersonEvents;

/**
 * The worker attaching a batch and the projection moving a number to another holder at the same moment: the test holds
 * the batch's lines locked so that the worker is caught mid-attachment, then lets the number move.
 */
@QuarkusTest
class AttachmentRaceTest {

    private static final String WAITING = "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database()"
            + " AND cardinality(pg_blocking_pids(pid)) > 0";

    @Inject
    AgroalDataSource dataSource;

    @Inject
    DispensingWorker worker;

    private Db db;
    private PersonEvents persons;

    @BeforeEach
    void consumerAttached() {
        db = new Db(dataSource);
        persons = new PersonEvents(db);
        persons.awaitConsumerAttached();
    }

    @Test
    void aNumberMovingToAnotherPersonWhileItsLinesAreBeingAttachedLeavesEveryLineOnItsNewHolder() throws Exception {
        String number = PersonEvents.freshNumber();
        UUID formerHolder = UUID.randomUUID();
        UUID newHolder = UUID.randomUUID();
        persons.awaitHandled(PersonEvents.publish(formerHolder, false,
                List.of(PersonEvents.since(number, LocalDate.of(2020, 4, 1)))));
        UUID batch = acceptedBatchOfThreeLines(number);

        CompletableFuture<Integer> attaching;
        try (Connection holder = dataSource.getConnection()) {
            holder.setAutoCommit(false);
            int holderPid = lockLines(holder, batch);
            // The worker starts attaching (the former holder still holds the number) and waits for the lines.
            attaching = worker.processChunk(10_000).subscribeAsCompletionStage();
            KafkaTestKit.await("the worker waiting for the held lines", () -> db.count(
                    "SELECT count(*) FROM pg_stat_activity WHERE ? = ANY(pg_blocking_pids(pid))", holderPid),
                    n -> n >= 1);
            // Meanwhile the former holder gives the number up: handled, or waiting for the attachment under way.
            UUID givenUp = PersonEvents.publish(formerHolder, false, List.of());
            KafkaTestKit.await("the number given up, or waiting for the worker", () -> handled(givenUp)
                    || db.count(WAITING) >= 2, done -> done);
            holder.commit();
        }
        assertEquals(3, attaching.get().intValue());
        Dispensings.awaitCompleted(batch.toString());
        persons.awaitHandled(PersonEvents.publish(UUID.randomUUID(), false, List.of()));
        assertEquals(0, db.count("SELECT count(*) FROM dispensing WHERE batch_id = ? AND person_id IS NOT NULL", batch),
                "no line is left on the person who gave the number up");

        persons.awaitHandled(PersonEvents.publish(newHolder, false,
                List.of(PersonEvents.since(number, LocalDate.of(2020, 4, 1)))));
        assertEquals(3, db.count("SELECT count(*) FROM dispensing WHERE batch_id = ? AND person_id = ?", batch,
                newHolder), "every line follows the number to its new holder");
    }

    private boolean handled(UUID event) {
        return db.count("SELECT count(*) FROM inbox WHERE consumer = 'person-qualifications' AND event_id = ?",
                event) == 1;
    }

    /** A batch as the resource stores it, not yet looked at by the worker (which only a submit would wake). */
    private UUID acceptedBatchOfThreeLines(String number) {
        UUID batch = UUID.randomUUID();
        db.update("INSERT INTO dispensing_batch (id, status, records, accepted_at) VALUES (?, 'ACCEPTED', 3, now())",
                batch);
        db.update("INSERT INTO dispensing (batch_id, line, insurer_number, symbol, number, symbol_key, number_key,"
                + " branch, dispensed_on, prescribed_on, drug_code, drug_name, ingredient, quantity, unit, usage, days,"
                + " setting, dispensing_facility_code, prescribing_facility_code) SELECT ?, g, ?, '1234', ?, '1234', ?,"
                + " '00', DATE '2026-02-01' + g, DATE '2026-02-01' + g, ?, 'アムロジピン錠5mg', 'アムロジピンベシル酸塩', 30,"
                + " '錠', '1日1回朝食後', 30, 'OUTPATIENT', ?, ? FROM generate_series(1, 3) g", batch,
                PersonEvents.INSURER, number, number, Dispensings.AMLODIPINE, Dispensings.PHARMACY,
                Dispensings.CLINIC);
        return batch;
    }

    /** Locks the batch's lines in {@code holder}'s open transaction; the holder's backend pid. */
    private static int lockLines(Connection holder, UUID batch) throws SQLException {
        try (PreparedStatement lock = holder
                .prepareStatement("SELECT id FROM dispensing WHERE batch_id = ? FOR UPDATE");
                PreparedStatement pid = holder.prepareStatement("SELECT pg_backend_pid()")) {
            lock.setObject(1, batch);
            lock.executeQuery().close();
            try (ResultSet rs = pid.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }
}
