package io.shikaku.medication.support;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import javax.sql.DataSource;

/** Reads and writes the service's test database directly, for what a test sets up or checks beside the API. */
public final class Db {

    private final DataSource db;

    public Db(DataSource db) {
        this.db = db;
    }

    public long count(String sql, Object... values) {
        try (Connection c = db.getConnection();
                PreparedStatement s = prepare(c, sql, values);
                ResultSet rs = s.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    public int update(String sql, Object... values) {
        try (Connection c = db.getConnection(); PreparedStatement s = prepare(c, sql, values)) {
            return s.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static PreparedStatement prepare(Connection c, String sql, Object... values) throws SQLException {
        PreparedStatement s = c.prepareStatement(sql);
        for (int i = 0; i < values.length; i++) {
            s.setObject(i + 1, values[i]);
        }
        return s;
    }
}
