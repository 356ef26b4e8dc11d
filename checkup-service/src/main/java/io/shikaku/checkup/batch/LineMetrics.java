package io.shikaku.checkup.batch;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Counts decided checkup lines by outcome and code ({@code shikaku_checkup_lines_total}), so that an operator sees
 * insurers' rejections (e.g. a run of {@code NOT_A_MEMBER}) without reading any report; both tags come from enums.
 */
@ApplicationScoped
public class LineMetrics {

    @Inject
    MeterRegistry registry;

    void count(String outcome, String code, long lines) {
        Counter.builder("shikaku.checkup.lines").description("Checkup batch lines decided, by outcome and code")
                .tag("outcome", outcome).tag("code", code == null ? "" : code)
                .register(registry).increment(lines);
    }
}
