package io.shikaku.eligibility.retention;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

import jakarta.inject.Inject;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;

/** Migration V50 keeps the checks recorded before it: each moves into its month's partition, none is lost. */
@QuarkusTest
class MonthPartitionMigrationTest {

    private static final String SCHEMA = "v50_migration_test";

    @Inject
    AgroalDataSource db;

    @AfterEach
    void dropSchema() throws SQLException {
        execute("DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE");
    }

    @Test
    void checksRecordedBeforeTheMigrationMoveIntoTheirMonthsPartitionsFromTheOldestMonthOn() throws SQLException {
        migrateTo("41");
        execute("INSERT INTO " + SCHEMA + ".eligibility_check (id, facility_code, method, visit_date, checked_at,"
                + " validity, answer, identity_verification) VALUES"
                + " ('00000000-0000-4000-8000-000000000001', '0110113719', 'INSURANCE_CARD', '2024-01-15',"
                + " '2024-01-15 10:00:00+09', 'VALID', '{}', NULL),"
                + " ('00000000-0000-4000-8000-000000000002', '0110113719', 'MY_NUMBER_CARD', '2025-04-01',"
                + " '2025-04-01 00:30:00+09', 'VALID', '{}', 'FACE')");

        migrateTo("50");

        assertEquals(List.of("eligibility_check_2024_01|-", "eligibility_check_2025_04|FACE"),
                query("SELECT c.relname || '|' || coalesce(e.identity_verification, '-') FROM " + SCHEMA
                        + ".eligibility_check e JOIN pg_class c ON c.oid = e.tableoid ORDER BY e.checked_at"));
        List<String> partitions = query("SELECT c.relname FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid"
                + " WHERE i.inhparent = '" + SCHEMA + ".eligibility_check'::regclass ORDER BY 1");
        YearMonth last = CheckPartitions.monthOf(Instant.now()).plusMonths(3);
        List<String> expected = new ArrayList<>();
        for (YearMonth m = YearMonth.of(2024, 1); !m.isAfter(last); m = m.plusMonths(1)) {
            expected.add(CheckPartitions.name(m));
        }
        expected.add(CheckPartitions.DEFAULT_PARTITION);
        expected.sort(null);
        assertEquals(expected, partitions);
        assertTrue(query("SELECT conname FROM pg_constraint WHERE conrelid = '" + SCHEMA + ".consent'::regclass"
                + " AND contype = 'f'").stream().noneMatch(name -> name.contains("check_id")));
    }

    private void migrateTo(String version) {
        Flyway.configure().dataSource(db).schemas(SCHEMA).createSchemas(true).locations("classpath:db/migration")
                .target(version).load().migrate();
    }

    private void execute(String sql) throws SQLException {
        try (Connection c = db.getConnection(); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    private List<String> query(String sql) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Connection c = db.getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                rows.add(rs.getString(1));
            }
        }
        return rows;
    }
}
