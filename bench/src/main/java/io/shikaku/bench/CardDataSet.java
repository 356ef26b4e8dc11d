package io.shikaku.bench;

import java.io.IOException;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;

import org.postgresql.copy.CopyManager;
import org.postgresql.core.BaseConnection;

/**
 * Links the first persons of the data set to My Number cards as eligibility stores a registration (migrations V30,
 * V40): the person's {@code my_number_hash}, and a {@code my_number_card} row with the same hash, registered at the
 * first benchmark facility, valid for years. Loaded with COPY into a temporary table and applied in one transaction;
 * idempotent (a complete set is left as it is, a partial one completed).
 */
final class CardDataSet {

    /** Serials {@code BE4C} and the person's index in twelve hex digits: upper-case hex, as the reader sends them. */
    static final String SERIAL_PREFIX = "BE4C";
    static final LocalDate VALID_UNTIL = LocalDate.of(2035, 12, 31);

    private CardDataSet() {
    }

    static String serial(long index) {
        return String.format("%s%012X", SERIAL_PREFIX, index);
    }

    /** The body of a card check with consent to medication and checkups, as the reader sends it. */
    static String checkBody(long index, LocalDate visitDate) {
        return "{\"method\":\"MY_NUMBER_CARD\",\"visitDate\":\"" + visitDate + "\",\"cardSerial\":\"" + serial(index)
                + "\",\"identityVerification\":\"FACE\",\"consent\":{\"medication\":true,\"checkup\":true,"
                + "\"limitCategory\":false},\"reference\":\"" + REFERENCE + "\"}";
    }

    /** The reference of every card check the driver sends, so that their rows are counted apart. */
    static final String REFERENCE = "bench-card";

    /** Makes sure persons 0 … {@code cards − 1} hold a card; returns how many this run linked. */
    static long ensure(Connection db, long cards, String facilityCode, BenchMyNumbers numbers)
            throws SQLException, IOException {
        long present = present(db);
        if (present >= cards) {
            return 0;
        }
        StringBuilder rows = new StringBuilder((int) cards * 120);
        for (long i = 0; i < cards; i++) {
            rows.append(serial(i)).append('\t').append(BenchCard.of(i).personId()).append('\t')
                    .append(numbers.hash(BenchMyNumbers.ofCardHolder(i))).append('\n');
        }
        boolean autoCommit = db.getAutoCommit();
        db.setAutoCommit(false);
        try (Statement s = db.createStatement()) {
            s.execute("CREATE TEMPORARY TABLE bench_card (card_serial text, person_id uuid, my_number_hash text)"
                    + " ON COMMIT DROP");
            new CopyManager(db.unwrap(BaseConnection.class)).copyIn("COPY bench_card FROM STDIN",
                    new StringReader(rows.toString()));
            s.executeUpdate("UPDATE person p SET my_number_hash = c.my_number_hash FROM bench_card c"
                    + " WHERE p.id = c.person_id AND p.my_number_hash IS DISTINCT FROM c.my_number_hash");
            s.executeUpdate("INSERT INTO my_number_card (card_serial, person_id, my_number_hash, valid_until,"
                    + " registered_at, registered_by_facility) SELECT c.card_serial, c.person_id, c.my_number_hash,"
                    + " date '" + VALID_UNTIL + "', now(), '" + facilityCode + "' FROM bench_card c"
                    + " ON CONFLICT (card_serial) DO NOTHING");
            db.commit();
        } catch (SQLException | IOException | RuntimeException e) {
            db.rollback();
            throw e;
        } finally {
            db.setAutoCommit(autoCommit);
        }
        return cards - present;
    }

    static long present(Connection db) throws SQLException {
        try (PreparedStatement s = db.prepareStatement("SELECT count(*) FROM my_number_card WHERE card_serial LIKE ?"
                + " AND revoked_at IS NULL AND withdrawn_at IS NULL")) {
            s.setString(1, SERIAL_PREFIX + "%");
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
