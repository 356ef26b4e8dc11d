package io.shikaku.common.work;

import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

import io.quarkus.arc.Arc;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;

/**
 * What every background worker of the services shares (bulk inquiries, member lines, dispensing and checkup
 * batches) around its {@link Drain}: it is woken at startup, by its owner when work arrives ({@link #wake()}), and by a
 * timer in case a wake-up was lost ({@link BackgroundWorkers} does both); tests take one chunk ({@link
 * #processChunk(int)}) or wait for {@link #idle()}. A subclass (an {@code @ApplicationScoped} bean) gives its chunk;
 * its settings come by its prefix: {@code <prefix>.chunk-size}, {@code <prefix>.worker.enabled} (true),
 * {@code <prefix>.worker.every} (10s, also the first tick's delay).
 */
public abstract class BackgroundWorker {

    private final String name;
    private final String prefix;
    private final int defaultChunkSize;
    private volatile Drain drain;

    /**
     * @param name what is worked off, for the log and the timer's identity
     * @param prefix the prefix of the worker's settings, e.g. {@code shikaku.bulk}
     * @param defaultChunkSize items per chunk when {@code <prefix>.chunk-size} is not set
     */
    protected BackgroundWorker(String name, String prefix, int defaultChunkSize) {
        this.name = name;
        this.prefix = prefix;
        this.defaultChunkSize = defaultChunkSize;
    }

    /** One chunk of at most {@code limit} items in a transaction of its own: how many it finished (0: none left). */
    protected abstract Uni<Integer> chunk(int limit);

    /** The drain's next chunk: {@link #chunk(int)} of the configured size unless a subclass adds to it. */
    protected Uni<Integer> nextChunk() {
        return chunk(chunkSize());
    }

    /** Runs on every timer tick before the wake-up (e.g. to try again the batches set aside after a failure). */
    protected void onTick() {
    }

    /** Asks for a drain; returns at once, a drain under way takes the request along. Nothing when disabled. */
    public void wake() {
        if (config().getOptionalValue(prefix + ".worker.enabled", Boolean.class).orElse(true)) {
            drain().wake();
        }
    }

    /** Whether no drain is under way in this process. */
    public boolean idle() {
        Drain current = drain;
        return current == null || current.idle();
    }

    /** Runs one chunk of at most {@code limit} items on a fresh context, outside any drain; how many it finished. */
    public Uni<Integer> processChunk(int limit) {
        return drain().once(() -> chunk(limit));
    }

    /** Items per chunk ({@code <prefix>.chunk-size}). */
    protected int chunkSize() {
        return config().getOptionalValue(prefix + ".chunk-size", Integer.class).orElse(defaultChunkSize);
    }

    /** What is worked off: for the log and the timer's identity. */
    protected String name() {
        return name;
    }

    /** The timer's period ({@code <prefix>.worker.every}) in the syntax of {@code @Scheduled(every)}. */
    protected String every() {
        return config().getOptionalValue(prefix + ".worker.every", String.class).orElse("10s");
    }

    /** A timer tick: {@link #onTick()}, then a wake-up. */
    protected void tick() {
        onTick();
        wake();
    }

    private Drain drain() {
        Drain current = drain;
        if (current == null) {
            synchronized (this) {
                if (drain == null) {
                    drain = new Drain(name, Arc.container().instance(Vertx.class).get(), this::nextChunk);
                }
                current = drain;
            }
        }
        return current;
    }

    private static Config config() {
        return ConfigProvider.getConfig();
    }
}
