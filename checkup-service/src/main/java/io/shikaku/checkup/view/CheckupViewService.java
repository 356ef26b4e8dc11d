package io.shikaku.checkup.view;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.shikaku.checkup.retention.RetentionRule;
import io.shikaku.checkup.view.Checkups.Checkup;
import io.shikaku.checkup.view.Checkups.View;
import io.shikaku.common.access.AccessKind;
import io.shikaku.common.access.Viewer;
import io.shikaku.common.access.ViewingAccess;
import io.shikaku.common.own.OwnRecords;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * A facility's view of a person's checkups (DOMAIN.md §7): only through common's access rule ({@link ViewingAccess},
 * kind CHECKUP), which records every answered view as a {@code record-views} event in the read's own transaction; and
 * the patient's own view, the same read.
 */
@ApplicationScoped
public class CheckupViewService {

    /** Newest first; a checkup past the 5-year retention that the purge has not reached yet is not shown. */
    private static final String CHECKUPS = "SELECT examined_on, items, metabolic_syndrome FROM checkup"
            + " WHERE person_id = $1 AND examined_on >= $2 ORDER BY examined_on DESC, received_at DESC, id";

    @Inject
    ViewingAccess access;

    @Inject
    Clock clock;

    @Inject
    OwnRecords own;

    /** The person's checkups kept today, newest first. */
    public Uni<View> view(Viewer viewer, UUID personId) {
        return access.viewed(viewer, personId, AccessKind.CHECKUP, tx -> read(tx, personId));
    }

    /** The patient's own checkups, as {@link #view}; no grant is needed and no view is recorded ({@link OwnRecords}). */
    public Uni<View> own(UUID personId) {
        return own.read(personId, tx -> read(tx, personId));
    }

    private Uni<View> read(SqlConnection tx, UUID personId) {
        return tx.preparedQuery(CHECKUPS)
                .execute(Tuple.of(personId, RetentionRule.firstKeptExamination(Instant.now(clock))))
                .map(rows -> {
                    List<Checkup> checkups = new ArrayList<>(rows.size());
                    for (Row row : rows) {
                        checkups.add(Checkup.of(row.getLocalDate(0), row.getJsonObject(1), row.getString(2)));
                    }
                    return new View(personId, checkups);
                });
    }
}
