package io.shikaku.medication.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.shikaku.common.demo.DemoDataLoader;
import io.shikaku.common.json.CalendarDates;
import io.shikaku.medication.support.Db;
import io.shikaku.medication.support.Dispensings;

@QuarkusTest
class DemoDataTest {

    private static final UUID YAMADA = UUID.fromString("00000000-0000-4000-8000-000000000001");

    @Inject
    AgroalDataSource dataSource;

    @Inject
    DemoDataLoader demo;

    @Test
    void theDemoPersonsProjectionLetsTheDemoDispensingsAttach() {
        demo.load();
        assertEquals(0, demo.load(), "a second start applies nothing");
        Db db = new Db(dataSource);
        assertEquals(5, db.count("SELECT count(*) FROM insured_number WHERE person_id IN"
                + " (SELECT id FROM person WHERE state_time = 'epoch')"));
        var record = Dispensings.record("5678", LocalDate.now(CalendarDates.JAPAN).minusDays(2), Dispensings.LOXOPROFEN,
                7);
        String batch = Dispensings.submitAndComplete(List.of(record));
        assertEquals(1, db.count("SELECT count(*) FROM dispensing WHERE batch_id = ? AND person_id = ?",
                UUID.fromString(batch), YAMADA));
    }
}
