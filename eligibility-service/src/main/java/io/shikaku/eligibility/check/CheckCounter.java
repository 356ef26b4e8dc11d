package io.shikaku.eligibility.check;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.shikaku.eligibility.facility.FacilityType;

/**
 * Counts committed checks as {@code shikaku_eligibility_checks_total{method,facility_type,validity}}: the usage figures
 * of DOMAIN.md §10 (checks by method and facility type) as they happen, for the dashboards. Every combination is
 * registered at start (60 series, none per facility), so that a rate starts from zero; a check of a facility whose
 * type the projection lacks counts as {@code UNKNOWN}.
 */
@ApplicationScoped
public class CheckCounter {

    static final String NAME = "shikaku.eligibility.checks";
    static final String UNKNOWN = "UNKNOWN";

    private final MeterRegistry registry;
    private final Counter[][][] counters;

    @Inject
    public CheckCounter(MeterRegistry registry) {
        this.registry = registry;
        CheckMethod[] methods = CheckMethod.values();
        FacilityType[] types = FacilityType.values();
        Validity[] validities = Validity.values();
        counters = new Counter[methods.length][types.length][validities.length];
        for (CheckMethod method : methods) {
            for (FacilityType type : types) {
                for (Validity validity : validities) {
                    counters[method.ordinal()][type.ordinal()][validity.ordinal()] = counter(method, type.name(),
                            validity);
                }
            }
        }
    }

    /** One committed check; {@code facilityType} as the facility projection holds it (null or unknown: UNKNOWN). */
    public void recorded(CheckMethod method, String facilityType, Validity validity) {
        FacilityType type = type(facilityType);
        (type == null
                ? counter(method, UNKNOWN, validity)
                : counters[method.ordinal()][type.ordinal()][validity.ordinal()]).increment();
    }

    private Counter counter(CheckMethod method, String type, Validity validity) {
        return Counter.builder(NAME).description("Checks recorded, by method, facility type and validity")
                .tag("method", method.name()).tag("facility_type", type).tag("validity", validity.name())
                .register(registry);
    }

    private static FacilityType type(String name) {
        if (name != null) {
            for (FacilityType type : FacilityType.values()) {
                if (type.name().equals(name)) {
                    return type;
                }
            }
        }
        return null;
    }
}
