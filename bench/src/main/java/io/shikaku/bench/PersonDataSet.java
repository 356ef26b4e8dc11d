package io.shikaku.bench;

import java.io.IOException;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import org.postgresql.copy.CopyManager;
import org.postgresql.core.BaseConnection;

/**
 * Loads the benchmark's generated persons, each with one qualification ({@link BenchCard}), into the running suite's
 * eligibility database with COPY. Resumable and idempotent: each chunk commits persons and qualifications together,
 * so the count of benchmark qualifications says where a later run continues; a complete set is left as it is.
 */
final class PersonDataSet {

    private static final int CHUNK = 100_000;

    private PersonDataSet() {
    }

    /** Makes sure persons 0 … {@code persons − 1} are there; returns how many this run loaded. */
    static long ensure(Connection db, long persons) throws SQLException, IOException {
        insurers(db);
        long present = present(db);
        if (present >= persons) {
            return 0;
        }
        CopyManager copy = new CopyManager(db.unwrap(BaseConnection.class));
        boolean autoCommit = db.getAutoCommit();
        db.setAutoCommit(false);
        try {
            for (long from = present; from < persons; from += CHUNK) {
                long until = Math.min(persons, from + CHUNK);
                copy.copyIn("COPY person (id, name, name_kana, sex, birth_date) FROM STDIN",
                        new StringReader(personRows(from, until)));
                copy.copyIn("COPY qualification (id, person_id, insurer_number, symbol, number, symbol_key,"
                        + " number_key, branch, relationship, valid_from, copayment_rate) FROM STDIN",
                        new StringReader(qualificationRows(from, until)));
                db.commit();
                Bench.log("  persons %,d of %,d loaded", until, persons);
            }
        } finally {
            db.setAutoCommit(autoCommit);
        }
        try (Statement s = db.createStatement()) {
            s.execute("ANALYZE person");
            s.execute("ANALYZE qualification");
        }
        return persons - present;
    }

    /** Benchmark persons already loaded (index-only over the card-number index). */
    static long present(Connection db) throws SQLException {
        try (PreparedStatement s = db
                .prepareStatement("SELECT count(*) FROM qualification WHERE insurer_number = ANY (?)")) {
            s.setArray(1, db.createArrayOf("varchar", BenchCard.INSURERS.toArray()));
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private static void insurers(Connection db) throws SQLException {
        try (PreparedStatement s = db.prepareStatement(
                "INSERT INTO insurer (insurer_number, name) VALUES (?, ?) ON CONFLICT (insurer_number) DO NOTHING")) {
            for (int k = 0; k < BenchCard.INSURERS.size(); k++) {
                s.setString(1, BenchCard.INSURERS.get(k));
                s.setString(2, "ベンチマーク健康保険組合 " + (k + 1));
                s.addBatch();
            }
            s.executeBatch();
        }
    }

    private static String personRows(long from, long until) {
        StringBuilder rows = new StringBuilder((int) (until - from) * 90);
        for (long i = from; i < until; i++) {
            BenchCard card = BenchCard.of(i);
            rows.append(card.personId()).append("\tベンチ 受診者\tベンチ ジュシンシャ\t")
                    .append(i % 2 == 0 ? "MALE" : "FEMALE").append('\t').append(card.birthDate()).append('\n');
        }
        return rows.toString();
    }

    private static String qualificationRows(long from, long until) {
        StringBuilder rows = new StringBuilder((int) (until - from) * 130);
        for (long i = from; i < until; i++) {
            BenchCard card = BenchCard.of(i);
            rows.append(card.qualificationId()).append('\t').append(card.personId()).append('\t')
                    .append(card.insurerNumber()).append('\t').append(card.symbol()).append('\t')
                    .append(card.number()).append('\t').append(card.symbol()).append('\t').append(card.number())
                    .append('\t').append(card.branch()).append("\tINSURED\t2000-04-01\t30\n");
        }
        return rows.toString();
    }
}
