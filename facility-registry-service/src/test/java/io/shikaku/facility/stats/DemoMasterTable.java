package io.shikaku.facility.stats;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.postgresql.PGConnection;

import io.shikaku.facility.demo.DemoMaster;
import io.shikaku.facility.demo.DemoMasterCsv;

/**
 * Test setup only: the demo national master written straight into table {@code facility} with one COPY, as the
 * statistics tests' fixture; and emptied again after them, so that other features' tests find the table as usual.
 */
final class DemoMasterTable {

    private static final String COPY = "COPY facility (facility_code, type, prefecture, name, account_registered_on,"
            + " reader_applied_on, readers_applied, ready_on, go_live_on) FROM STDIN WITH (FORMAT csv, HEADER true)";

    private DemoMasterTable() {
    }

    static void load() {
        try (Connection jdbc = connect(); Statement statement = jdbc.createStatement()) {
            statement.execute("TRUNCATE facility CASCADE");
            StringWriter csv = new StringWriter(20_000_000);
            DemoMasterCsv.write(DemoMaster.generate(), csv);
            jdbc.unwrap(PGConnection.class).getCopyAPI().copyIn(COPY, new StringReader(csv.toString()));
            statement.execute("ANALYZE facility");
        } catch (SQLException | IOException e) {
            throw new IllegalStateException("could not load the demo master", e);
        }
    }

    static void empty() {
        execute("TRUNCATE facility CASCADE");
    }

    static void execute(String sql) {
        try (Connection jdbc = connect(); Statement statement = jdbc.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Connection connect() throws SQLException {
        Config config = ConfigProvider.getConfig();
        return DriverManager.getConnection(config.getValue("quarkus.datasource.jdbc.url", String.class),
                config.getValue("quarkus.datasource.username", String.class),
                config.getValue("quarkus.datasource.password", String.class));
    }
}
