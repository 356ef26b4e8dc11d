package io.shikaku.common.work;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

import org.jboss.logging.Logger;

import io.quarkus.vertx.core.runtime.context.VertxContextSafetyToggle;
import io.smallrye.common.vertx.VertxContext;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;

/**
 * Works off what waits in the database (bulk entries, member lines) in the background: woken on demand and by a
 * timer, it runs one chunk after another, each on a fresh Vert.x context (a transaction of its own), until a chunk
 * finds nothing; never two drains at once in one process, and a wake-up during a drain is never lost. A chunk that
 * fails ends the drain; the owner's timer wakes it again.
 */
public final class Drain {

    private static final Logger LOG = Logger.getLogger(Drain.class);

    private final String name;
    private final Vertx vertx;
    private final Supplier<Uni<Integer>> chunk;
    private final AtomicBoolean draining = new AtomicBoolean();
    private final AtomicBoolean wanted = new AtomicBoolean();

    /**
     * @param name what is drained, for the log
     * @param chunk one chunk of work in its own transaction: how many items it finished (0 when nothing was left)
     */
    public Drain(String name, Vertx vertx, Supplier<Uni<Integer>> chunk) {
        this.name = name;
        this.vertx = vertx;
        this.chunk = chunk;
    }

    /** Asks for a drain; returns at once, a drain under way takes the request along. */
    public void wake() {
        wanted.set(true);
        if (draining.compareAndSet(false, true)) {
            onFreshContext(this::drain);
        }
    }

    /** Whether no drain is under way in this process. */
    public boolean idle() {
        return !draining.get();
    }

    /** Runs {@code work} once on a fresh Vert.x context, outside any drain (tests take one chunk this way). */
    public <T> Uni<T> once(Supplier<Uni<T>> work) {
        return Uni.createFrom().emitter(emitter -> onFreshContext(
                () -> work.get().subscribe().with(emitter::complete, emitter::fail)));
    }

    private void drain() {
        wanted.set(false);
        chunk.get().subscribe().with(count -> {
            if (count > 0) {
                onFreshContext(this::drain);
            } else {
                draining.set(false);
                if (wanted.get()) {
                    wake();
                }
            }
        }, failure -> {
            LOG.warnf("%s will retry on its timer: %s", name, failure.getClass().getName());
            draining.set(false);
        });
    }

    private void onFreshContext(Runnable work) {
        Context context = VertxContext.createNewDuplicatedContext(vertx.getOrCreateContext());
        context.runOnContext(ignored -> {
            VertxContextSafetyToggle.setCurrentContextSafe(true);
            work.run();
        });
    }
}
