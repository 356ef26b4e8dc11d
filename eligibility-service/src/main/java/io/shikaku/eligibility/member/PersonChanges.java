package io.shikaku.eligibility.member;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.hibernate.reactive.mutiny.Mutiny;

import io.shikaku.common.event.Outbox;
import io.shikaku.eligibility.member.PersonQualificationsChanged.QualificationNumbers;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

/**
 * Keeps {@code person.viewing_suspended} true exactly while an open held record suspends the person (DOMAIN.md §5),
 * and publishes {@link PersonQualificationsChanged} for changed persons, both in the caller's transaction.
 */
@ApplicationScoped
public class PersonChanges {

    private static final String IDS = MemberSql.ids(1);

    private static final String LOCK = "SELECT p.id FROM person p WHERE p.id IN " + IDS + " ORDER BY p.id FOR UPDATE";
    private static final String SUSPENSION_CHANGES = "SELECT p.id FROM person p WHERE p.id IN " + IDS
            + " AND p.viewing_suspended <> EXISTS (SELECT 1 FROM held_record h WHERE h.suspended_person_id = p.id"
            + " AND h.resolved_at IS NULL)";
    private static final String SUSPEND = "UPDATE person p SET viewing_suspended = EXISTS (SELECT 1 FROM held_record h"
            + " WHERE h.suspended_person_id = p.id AND h.resolved_at IS NULL) WHERE p.id IN " + IDS;
    private static final String QUALIFICATIONS = "SELECT p.id, p.viewing_suspended, q.insurer_number, q.symbol,"
            + " q.number, q.branch, q.valid_from, q.valid_until FROM person p LEFT JOIN qualification q"
            + " ON q.person_id = p.id WHERE p.id IN " + IDS + " ORDER BY p.id, q.valid_from, q.insurer_number, q.id";

    @Inject
    Outbox outbox;

    @Inject
    MemberJson json;

    /**
     * Brings the suspension flag of {@code candidates} in line with their open held records; those that changed. The
     * persons' rows are locked first (in id order) and the open held records counted in a later statement, so that of
     * two transactions changing one person's held records (a discard and a new hold) the second waits for the first's
     * commit and sees its held records: a suspension is never lifted while a record the other added is open.
     */
    public Uni<List<UUID>> resuspend(Mutiny.Session session, Collection<UUID> candidates) {
        if (candidates.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        String ids = json.write(candidates);
        return session.createNativeQuery(LOCK, UUID.class).setParameter(1, ids).getResultList()
                .chain(() -> session.createNativeQuery(SUSPENSION_CHANGES, UUID.class).setParameter(1, ids)
                        .getResultList())
                .call(changed -> changed.isEmpty()
                        ? Uni.createFrom().voidItem()
                        : session.createNativeQuery(SUSPEND).setParameter(1, json.write(changed)).executeUpdate());
    }

    /** Adds one {@link PersonQualificationsChanged} per person, with its whole list of qualifications. */
    public Uni<Void> publish(Mutiny.Session session, Set<UUID> persons) {
        if (persons.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return session.createNativeQuery(QUALIFICATIONS, Object[].class).setParameter(1, json.write(persons))
                .getResultList().chain(rows -> {
                    Map<UUID, PersonQualificationsChanged> events = new LinkedHashMap<>();
                    for (Object[] row : rows) {
                        UUID id = (UUID) row[0];
                        PersonQualificationsChanged event = events.computeIfAbsent(id,
                                key -> new PersonQualificationsChanged(key, (Boolean) row[1], new ArrayList<>()));
                        if (row[2] != null) {
                            event.qualifications().add(new QualificationNumbers((String) row[2], (String) row[3],
                                    (String) row[4], (String) row[5], MemberJson.date(row[6]),
                                    MemberJson.date(row[7])));
                        }
                    }
                    return Multi.createFrom().iterable(events.values())
                            .onItem().transformToUniAndConcatenate(outbox::add)
                            .collect().last().replaceWithVoid();
                });
    }

}
