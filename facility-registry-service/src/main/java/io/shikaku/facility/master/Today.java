package io.shikaku.facility.master;

import java.time.Clock;
import java.time.LocalDate;

import jakarta.enterprise.context.ApplicationScoped;

import io.shikaku.common.json.CalendarDates;

/** "Today" for the lifecycle and the subsidy rules: the date in Japan, where the facilities are (DOMAIN.md §9). */
@ApplicationScoped
public class Today {

    Clock clock = Clock.system(CalendarDates.JAPAN);

    public LocalDate date() {
        return LocalDate.now(clock);
    }
}
