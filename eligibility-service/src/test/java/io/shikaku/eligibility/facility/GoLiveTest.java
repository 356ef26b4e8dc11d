package io.shikaku.eligibility.facility;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

class GoLiveTest {

    private static final LocalDate GO_LIVE = LocalDate.of(2021, 10, 20);

    @Test
    void aFacilityIsLiveFromItsGoLiveDateOn() {
        assertTrue(GoLive.isLiveOn(GO_LIVE, GO_LIVE));
        assertTrue(GoLive.isLiveOn(GO_LIVE, GO_LIVE.plusDays(1)));
        assertTrue(GoLive.isLiveOn(GO_LIVE, LocalDate.of(2026, 11, 21)));
    }

    @Test
    void aFacilityIsNotLiveTheDayBeforeItsGoLiveDate() {
        assertFalse(GoLive.isLiveOn(GO_LIVE, GO_LIVE.minusDays(1)));
    }

    @Test
    void aFacilityWithoutAGoLiveDateIsNeverLive() {
        assertFalse(GoLive.isLiveOn(null, GO_LIVE));
        assertFalse(GoLive.isLiveOn(null, LocalDate.of(2199, 12, 31)));
    }
}
