package io.shikaku.common.db;

import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.InvocationContext;

import io.smallrye.mutiny.Uni;

/**
 * Runs a unit of database work to its end (commit or rollback, connection returned) even when its caller cancels,
 * as Quarkus REST does when a client disconnects; the caller only stops listening (quarkusio/quarkus#51576).
 */
public abstract class DetachedDatabaseWork {

    /** Outside Panache's session and transaction interceptors (priority 200), so that they run to their end. */
    public static final int PRIORITY = 100;

    @AroundInvoke
    Object detach(InvocationContext context) throws Exception {
        Object result = context.proceed();
        return result instanceof Uni<?> work ? detached(work) : result;
    }

    /** The work, subscribed once per subscriber and never cancelled; no connection failures become unavailability. */
    public static <T> Uni<T> detached(Uni<T> work) {
        return Uni.createFrom().emitter(emitter -> work
                .onFailure(ConnectionFailures::noConnection).transform(DatabaseUnavailableException::of)
                .subscribe().with(emitter::complete, emitter::fail));
    }
}
