package io.shikaku.eligibility.audit;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.shikaku.common.access.AccessBasis;
import io.shikaku.common.access.AccessKind;
import io.shikaku.common.access.RecordViewed;
import io.shikaku.common.event.EventEnvelope;
import io.shikaku.common.inbox.InboxEvent;
import io.shikaku.common.testing.Tokens;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Appends of many batches at once (as two consumers or replicas would make them) never fork the chain: every batch is
 * appended, the numbers stay gap-free and the verification finds the chain valid.
 */
@QuarkusTest
class ConcurrentAppendTest {

    @Inject
    Pool pool;

    @Inject
    AccessLogHandler handler;

    @Test
    void batchesAppendedAtOnceFormOneUnbrokenChain() {
        UUID person = UUID.randomUUID();
        List<Uni<Void>> appends = new ArrayList<>();
        for (int b = 0; b < 8; b++) {
            List<InboxEvent<RecordViewed>> batch = new ArrayList<>();
            for (int i = 0; i < 25; i++) {
                Instant at = Instant.now();
                batch.add(new InboxEvent<>(new EventEnvelope(UUID.randomUUID(), RecordViewed.TYPE, "test", at,
                        person.toString(), null),
                        new RecordViewed(person, "0110113719", "clinic-0110113719", null,
                                AccessKind.MEDICATION, AccessBasis.CONSENT, at)));
            }
            appends.add(pool.withTransaction(tx -> handler.handle(tx, batch)));
        }
        Uni.join().all(appends).andFailFast().await().atMost(Duration.ofSeconds(60));

        assertEquals(200, pool.preparedQuery("SELECT count(*) FROM access_log WHERE person_id = $1")
                .executeAndAwait(Tuple.of(person)).iterator().next().getLong(0));
        given().auth().oauth2(Tokens.auditor()).get("/api/v1/audit/access-log/verification").then().statusCode(200)
                .body("valid", equalTo(true));
        assertEquals(0, pool.query("SELECT count(*) FROM access_log a WHERE a.sequence > 1 AND NOT EXISTS"
                + " (SELECT 1 FROM access_log b WHERE b.sequence = a.sequence - 1)").executeAndAwait().iterator().next()
                .getLong(0), "no gap");
    }
}
