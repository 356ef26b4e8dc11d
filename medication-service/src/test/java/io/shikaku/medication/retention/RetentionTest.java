package io.shikaku.medication.retention;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.LocalDate;
import java.time.Period;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.shikaku.common.json.CalendarDates;
import io.shikaku.common.testing.AdjustableClock;
import io.shikaku.medication.support.Db;

@QuarkusTest
class RetentionTest {

    @Inject
    AgroalDataSource dataSource;

    @Inject
    AdjustableClock clock;

    @Inject
    MedicationRetention retention;

    @AfterEach
    void clockBack() {
        clock.reset();
    }

    @Test
    void aDispensingIsKeptThreeYearsToTheDayAndPurgedTheDayAfter() {
        Db db = new Db(dataSource);
        UUID person = UUID.randomUUID();
        LocalDate today = LocalDate.now(clock.withZone(CalendarDates.JAPAN));
        insert(db, person, today.minusYears(3));
        insert(db, person, today.minusYears(3).minusDays(1));
        insert(db, person, today.minusYears(2));

        retention.purge().await().atMost(Duration.ofMinutes(1));
        assertEquals(2, db.count("SELECT count(*) FROM dispensing WHERE person_id = ?", person));
        assertEquals(0, db.count("SELECT count(*) FROM dispensing WHERE dispensed_on < ?", today.minusYears(3)));

        clock.advance(Duration.ofDays(1));
        retention.purge().await().atMost(Duration.ofMinutes(1));
        assertEquals(1, db.count("SELECT count(*) FROM dispensing WHERE person_id = ?", person));
    }

    @Test
    void theFirstDayKeptIsThreeYearsBeforeToday() {
        assertEquals(LocalDate.of(2023, 11, 22), RetentionRule.keptFrom(LocalDate.of(2026, 11, 22), Period.ofYears(3)));
        assertEquals(LocalDate.of(2025, 2, 28), RetentionRule.keptFrom(LocalDate.of(2028, 2, 29), Period.ofYears(3)));
    }

    private static void insert(Db db, UUID person, LocalDate on) {
        db.update("INSERT INTO dispensing (batch_id, line, insurer_number, symbol, number, symbol_key, number_key,"
                + " branch, dispensed_on, prescribed_on, drug_code, drug_name, ingredient, quantity, unit, days, setting,"
                + " dispensing_facility_code, prescribing_facility_code, person_id) VALUES (?, 1, '06130017', '1234',"
                + " ?, '1234', ?, '00', ?, ?, '1149019F1560', '薬', '成分', 1, '錠', 1, 'OUTPATIENT', '1340123452',"
                + " '0110113719', ?)", UUID.randomUUID(), person.toString(), person.toString(), on, on, person);
    }
}
