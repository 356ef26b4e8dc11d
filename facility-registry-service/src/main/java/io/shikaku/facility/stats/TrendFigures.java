package io.shikaku.facility.stats;

import com.fasterxml.jackson.annotation.JsonInclude;

/** Ready and live facilities of one type (or all) at two dates, and the increase (DOMAIN.md §10's trend table). */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TrendFigures(String type, long readyFrom, long readyTo, long readyIncrease, long liveFrom, long liveTo,
        long liveIncrease) {

    static TrendFigures of(String type, Counts from, Counts to) {
        return new TrendFigures(type, from.ready(), to.ready(), to.ready() - from.ready(), from.live(), to.live(),
                to.live() - from.live());
    }
}
