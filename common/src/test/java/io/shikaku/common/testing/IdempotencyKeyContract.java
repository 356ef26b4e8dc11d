package io.shikaku.common.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.vertx.VertxContextSupport;
import io.shikaku.common.idempotency.IdempotencyKeys;
import io.shikaku.common.problem.ProblemException;
import io.smallrye.mutiny.Uni;

/**
 * What {@code Idempotency-Key} promises on batch endpoints (API.md): the same key and body give the same result and
 * never a second batch; the same key with another body is a conflict; a request that failed leaves the key free.
 * A service with batch endpoints extends this in a {@code @QuarkusTest}.
 */
public abstract class IdempotencyKeyContract {

    @Inject
    IdempotencyKeys keys;

    private final AtomicInteger batches = new AtomicInteger();

    @Test
    void theSameKeyAndBodyGiveTheFirstResultWithoutASecondBatch() throws Throwable {
        String key = UUID.randomUUID().toString();
        String first = once(key, IdempotencyKeys.hash("{\"records\":[1]}"));
        String again = once(key, IdempotencyKeys.hash("{\"records\":[1]}"));
        assertEquals(first, again);
        assertEquals(1, batches.get());
    }

    @Test
    void theSameKeyWithAnotherBodyIsAConflict() throws Throwable {
        String key = UUID.randomUUID().toString();
        once(key, IdempotencyKeys.hash("{\"records\":[1]}"));
        ProblemException conflict = assertThrows(ProblemException.class,
                () -> once(key, IdempotencyKeys.hash("{\"records\":[2]}")));
        assertEquals(409, conflict.problem().status());
    }

    @Test
    void aFailedRequestLeavesItsKeyFreeForARetry() throws Throwable {
        String key = UUID.randomUUID().toString();
        String hash = IdempotencyKeys.hash("{\"records\":[1]}");
        assertThrows(IllegalStateException.class, () -> VertxContextSupport.subscribeAndAwait(
                () -> keys.once("contract", key, hash, () -> Uni.createFrom().failure(new IllegalStateException()))));
        once(key, hash);
        assertEquals(1, batches.get());
    }

    private String once(String key, String hash) throws Throwable {
        return VertxContextSupport.subscribeAndAwait(() -> keys.once("contract", key, hash,
                () -> Uni.createFrom().item(() -> "batch-" + batches.incrementAndGet())));
    }
}
