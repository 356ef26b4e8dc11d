package io.shikaku.facility.stats;

import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.ToLongFunction;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import io.shikaku.facility.master.Today;
import io.smallrye.mutiny.Uni;

/**
 * The adoption figures of DOMAIN.md §10 as gauges for the dashboards: {@code shikaku_facilities{facility_type,stage}},
 * the facilities of each type that have reached a stage as of today in Japan, counted as the portal counts them
 * ({@code REGISTERED}: every facility in the master; {@code READER_APPLIED}, {@code READY}, {@code LIVE}: a later stage
 * included, so a live facility is also ready and reader-applied). The values come from the portal's own aggregate
 * ({@link StatisticsService#adoption}), read every {@code shikaku.facility.adoption-gauges.every} (60 s), never per
 * scrape: a scrape only reads the last result. NaN until the first read. Sixteen series, no per-facility label.
 */
@ApplicationScoped
public class AdoptionGauges {

    private static final Logger LOG = Logger.getLogger(AdoptionGauges.class);
    static final String NAME = "shikaku.facilities";
    private static final Map<String, ToLongFunction<AdoptionFigures>> STAGES = Map.of("REGISTERED",
            AdoptionFigures::facilities, "READER_APPLIED", AdoptionFigures::readerApplied, "READY",
            AdoptionFigures::ready, "LIVE", AdoptionFigures::live);

    @Inject
    StatisticsService statistics;

    @Inject
    Today today;

    /** The last figures read, by type; null before the first read. What the gauges hold (Micrometer keeps it weakly). */
    private final AtomicReference<Map<String, AdoptionFigures>> byType = new AtomicReference<>();

    void register(@Observes StartupEvent start, MeterRegistry registry) {
        for (String type : FacilityTypes.ALL) {
            STAGES.forEach((stage, count) -> Gauge.builder(NAME, byType, last -> value(last.get(), type, count))
                    .description("Facilities that have reached the onboarding stage as of today in Japan (a later"
                            + " stage included), as the portal's adoption figures count them")
                    .tag("facility_type", type).tag("stage", stage).register(registry));
        }
    }

    @Scheduled(every = "${shikaku.facility.adoption-gauges.every}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> refresh() {
        return statistics.adoption(today.date()).invoke(report -> byType.set(report.byType().stream()
                .collect(Collectors.toMap(AdoptionFigures::type, figures -> figures))))
                .onFailure().invoke(failure -> LOG.warnf("Adoption gauges not refreshed, will retry: %s", failure))
                .onFailure().recoverWithNull().replaceWithVoid();
    }

    private static double value(Map<String, AdoptionFigures> figures, String type,
            ToLongFunction<AdoptionFigures> count) {
        AdoptionFigures of = figures == null ? null : figures.get(type);
        return of == null ? Double.NaN : count.applyAsLong(of);
    }
}
