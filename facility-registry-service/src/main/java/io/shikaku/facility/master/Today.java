package io.shikaku.facility.master;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;

import jakarta.enterprise.context.ApplicationScoped;

/** "Today" for the lifecycle and the subsidy rules: the date in Japan, where the facilities are (DOMAIN.md §9). */
@ApplicationScoped
public class Today {

    public static final ZoneId JAPAN = ZoneId.of("Asia/Tokyo");

    Clock clock = Clock.system(JAPAN);

    public LocalDate date() {
        return LocalDate.now(clock);
    }
}
