package io.shikaku.common.access;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.shikaku.common.inbox.BatchEventHandler;
import io.shikaku.common.inbox.InboxEvent;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Projects eligibility's {@code consents} events into the service's table {@code consent_grant} with one insert per
 * Kafka batch, in the inbox's transaction, each with its basis (a consent, or an emergency or disaster grant). A service that views personal data wires its {@code @Incoming("consents")}
 * transport to this handler and creates the table with its own migration (README of common, "Viewing access").
 */
@ApplicationScoped
public class ConsentProjection implements BatchEventHandler<ConsentGrantedData> {

    public static final String CONSUMER = "consents";

    private static final String INSERT = "INSERT INTO consent_grant (consent_id, person_id, facility_code, medication,"
            + " checkup, granted_at, expires_at, basis) SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::text[],"
            + " $4::bool[], $5::bool[], $6::timestamptz[], $7::timestamptz[], $8::text[])"
            + " ON CONFLICT (consent_id) DO NOTHING";

    @Override
    public String consumer() {
        return CONSUMER;
    }

    @Override
    public Class<ConsentGrantedData> dataType() {
        return ConsentGrantedData.class;
    }

    @Override
    public Uni<Void> handle(SqlConnection tx, List<InboxEvent<ConsentGrantedData>> events) {
        List<ConsentGrantedData> grants = events.stream()
                .filter(e -> ConsentGrantedData.TYPE.equals(e.envelope().type())).map(InboxEvent::data).toList();
        if (grants.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        int n = grants.size();
        UUID[] ids = new UUID[n];
        UUID[] persons = new UUID[n];
        String[] facilities = new String[n];
        Boolean[] medication = new Boolean[n];
        Boolean[] checkup = new Boolean[n];
        OffsetDateTime[] granted = new OffsetDateTime[n];
        OffsetDateTime[] expires = new OffsetDateTime[n];
        String[] bases = new String[n];
        for (int i = 0; i < n; i++) {
            ConsentGrantedData g = grants.get(i);
            if (g.consentId() == null || g.personId() == null || g.facilityCode() == null || g.grantedAt() == null
                    || g.expiresAt() == null) {
                return Uni.createFrom().failure(new IllegalArgumentException("an incomplete consent"));
            }
            ids[i] = g.consentId();
            persons[i] = g.personId();
            facilities[i] = g.facilityCode();
            medication[i] = g.medication();
            checkup[i] = g.checkup();
            granted[i] = g.grantedAt().atOffset(ZoneOffset.UTC);
            expires[i] = g.expiresAt().atOffset(ZoneOffset.UTC);
            bases[i] = AccessBasis.ofGrant(g.basis()).name();
        }
        return tx.preparedQuery(INSERT)
                .execute(Tuple
                        .from(new Object[] {ids, persons, facilities, medication, checkup, granted, expires, bases}))
                .replaceWithVoid();
    }
}
