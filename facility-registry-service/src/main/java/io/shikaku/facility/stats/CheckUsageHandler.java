package io.shikaku.facility.stats;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.shikaku.common.event.EventEnvelope;
import io.shikaku.common.identifier.FacilityCode;
import io.shikaku.common.inbox.EventHandler;
import io.smallrye.mutiny.Uni;

/**
 * Counts one eligibility check in the daily usage table (DOMAIN.md §10), in the inbox's transaction: one upsert, so
 * that the count and the event's claim commit together. An event without a valid facility code, method or time is
 * refused, and so parked.
 */
@ApplicationScoped
public class CheckUsageHandler implements EventHandler<CheckRecordedData> {

    static final String CONSUMER = "usage-statistics";

    private static final String COUNT = "INSERT INTO usage_daily (facility_code, day, method, checks)"
            + " VALUES (?1, ?2, ?3, 1) ON CONFLICT (facility_code, day, method)"
            + " DO UPDATE SET checks = usage_daily.checks + 1";

    @Override
    public String consumer() {
        return CONSUMER;
    }

    @Override
    public Class<CheckRecordedData> dataType() {
        return CheckRecordedData.class;
    }

    @Override
    public Uni<Void> handle(EventEnvelope envelope, CheckRecordedData data) {
        if (!FacilityCode.isValid(data.facilityCode()) || data.method() == null || data.checkedAt() == null) {
            return Uni.createFrom().failure(new IllegalArgumentException("not a countable check"));
        }
        return Panache.getSession()
                .chain(session -> session.createNativeQuery(COUNT).setParameter(1, data.facilityCode())
                        .setParameter(2, UsageDay.of(data.checkedAt())).setParameter(3, data.method().name())
                        .executeUpdate())
                .replaceWithVoid();
    }
}
