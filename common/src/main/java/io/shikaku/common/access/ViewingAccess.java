package io.shikaku.common.access;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

import io.shikaku.common.db.DetachedDatabaseWork;
import io.shikaku.common.event.Outbox;
import io.shikaku.common.problem.ProblemException;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * The gate in front of every view of a person's medication or checkups (DOMAIN.md §4, §8): it reads whether the
 * person's viewing is suspended (the service's {@code person} projection), collects the grants of every {@link
 * GrantSource} and lets {@link AccessRule} decide. Refused is {@code 404} with one body for every reason, the same as
 * for a person that does not exist (API.md: never reveal a person to a facility without consent). A view that it allows
 * is read and recorded ({@link RecordViewed} through the outbox) in one transaction.
 */
@ApplicationScoped
public class ViewingAccess {

    /** The one detail of every refusal, whatever its reason. */
    public static final String NOT_FOUND = "No such person, or no live consent of this person for this facility";

    private static final String SUSPENDED = "SELECT viewing_suspended FROM person WHERE id = $1";

    @Inject
    Pool db;

    @Inject
    Clock clock;

    @Inject
    Outbox outbox;

    @Inject
    @Any
    Instance<GrantSource> sources;

    /**
     * Checks access, then runs {@code read} and records the view ({@code RecordViewed} on {@code record-views}) in one
     * transaction: a view that answered is recorded, a refused or failed one is not. The work runs to its end even
     * when the client has gone.
     */
    public <T> Uni<T> viewed(Viewer viewer, UUID personId, AccessKind kind, Function<SqlConnection, Uni<T>> read) {
        return require(viewer, personId, kind)
                .chain(grant -> DetachedDatabaseWork.detached(db.withTransaction(tx -> read.apply(tx)
                        .call(() -> outbox.add(tx, RecordViewed.of(viewer, personId, kind, grant,
                                Instant.now(clock)))))));
    }

    /** The grant that lets {@code viewer} see the person's data of {@code kind}; {@code 404 NOT_FOUND} otherwise. */
    public Uni<Grant> require(Viewer viewer, UUID personId, AccessKind kind) {
        return db.preparedQuery(SUSPENDED).execute(Tuple.of(personId)).chain(rows -> {
            boolean suspended = false;
            for (Row row : rows) {
                suspended = row.getBoolean(0);
            }
            if (suspended) {
                return Uni.createFrom().failure(ProblemException.notFound(NOT_FOUND));
            }
            List<GrantSource> all = new ArrayList<>();
            sources.forEach(all::add);
            return Multi.createFrom().iterable(all)
                    .onItem().transformToUniAndConcatenate(source -> source.grants(viewer, personId, kind))
                    .collect().in(ArrayList<Grant>::new, List::addAll)
                    .map(grants -> AccessRule.allowing(false, grants, kind, Instant.now(clock))
                            .orElseThrow(() -> ProblemException.notFound(NOT_FOUND)));
        });
    }
}
