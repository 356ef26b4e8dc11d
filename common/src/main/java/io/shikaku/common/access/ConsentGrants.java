package io.shikaku.common.access;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Consents as grants (DOMAIN.md §4, §8), each with its basis (a consent, or an emergency or disaster grant that
 * eligibility publishes as a consent of that basis): the facility's unexpired consents for the person in the projection
 * ({@code consent_grant}, from the {@code consents} topic); when none of them covers the kind asked for, eligibility's
 * answer ({@link EligibilityConsents}), so that a view right after the card check succeeds before the event arrives.
 */
@ApplicationScoped
public class ConsentGrants implements GrantSource {

    private static final String LIVE = "SELECT medication, checkup, expires_at, basis FROM consent_grant"
            + " WHERE person_id = $1 AND facility_code = $2 AND expires_at > $3";

    @Inject
    Pool db;

    @Inject
    Clock clock;

    @Inject
    EligibilityConsents eligibility;

    @Override
    public Uni<List<Grant>> grants(Viewer viewer, UUID personId, AccessKind kind) {
        Instant now = Instant.now(clock);
        return db.preparedQuery(LIVE).execute(Tuple.of(personId, viewer.facilityCode(), now.atOffset(ZoneOffset.UTC)))
                .chain(rows -> {
                    List<Grant> grants = new ArrayList<>();
                    for (Row row : rows) {
                        grants.add(new Grant(AccessBasis.ofGrant(row.getString(3)), row.getBoolean(0),
                                row.getBoolean(1), row.getOffsetDateTime(2).toInstant()));
                    }
                    if (AccessRule.allowing(false, grants, kind, now).isPresent()) {
                        return Uni.createFrom().item(grants);
                    }
                    return eligibility.live(viewer, personId, kind).map(answer -> {
                        answer.ifPresent(grants::add);
                        return grants;
                    });
                });
    }
}
