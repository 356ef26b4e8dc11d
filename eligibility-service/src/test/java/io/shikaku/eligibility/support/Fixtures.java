package io.shikaku.eligibility.support;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;

import io.shikaku.common.identifier.CardNumbers;

/**
 * Writes persons, qualifications and live facilities straight into the test database, each test with numbers of its
 * own.
 */
public final class Fixtures {

    private final DataSource db;

    public Fixtures(DataSource db) {
        this.db = db;
    }

    /** A card number no other test uses. */
    public static String freshNumber() {
        return Long.toString(ThreadLocalRandom.current().nextLong(1_000_000_000L, 9_999_999_999L));
    }

    /**
     * A valid My Number (check digit right) no other test uses: distinct within a run (a random start, then one after
     * another), so a batch of 50,000 never holds the same number twice, and unlikely to meet an earlier run's.
     */
    public static String freshMyNumber() {
        String eleven = String.format("%011d", MY_NUMBERS.getAndIncrement());
        return eleven + io.shikaku.common.identifier.MyNumber.checkDigit(eleven);
    }

    private static final AtomicLong MY_NUMBERS = new AtomicLong(
            ThreadLocalRandom.current().nextLong(10_000_000_000L, 90_000_000_000L));

    /** A card serial no other test uses (16 upper-case hex digits). */
    public static String freshCardSerial() {
        return String.format("%016X", ThreadLocalRandom.current().nextLong(Long.MAX_VALUE / 2, Long.MAX_VALUE));
    }

    /** Links a person to a My Number as an insurer's accepted linkage does ({@code person.my_number_hash}). */
    public void linkMyNumber(UUID person, String myNumberHash) {
        update("UPDATE person SET my_number_hash = ? WHERE id = ?", myNumberHash, person);
    }

    /** Suspends a person's viewing, as a held record claiming their My Number for someone else does. */
    public void suspendViewing(UUID person) {
        update("UPDATE person SET viewing_suspended = true WHERE id = ?", person);
    }

    public void insurer(String insurerNumber, String name) {
        update("INSERT INTO insurer (insurer_number, name) VALUES (?, ?) ON CONFLICT DO NOTHING", insurerNumber, name);
    }

    public UUID person(String name, String sex, String birthDate) {
        UUID id = UUID.randomUUID();
        update("INSERT INTO person (id, name, name_kana, sex, birth_date, address) VALUES (?, ?, ?, ?, ?, ?)", id, name,
                "テスト", sex, Date.valueOf(LocalDate.parse(birthDate)), "東京都千代田区霞が関1-2-2");
        return id;
    }

    /** A person living at {@code address}. */
    public UUID person(String name, String sex, String birthDate, String address) {
        UUID id = UUID.randomUUID();
        update("INSERT INTO person (id, name, name_kana, sex, birth_date, address) VALUES (?, ?, ?, ?, ?, ?)", id, name,
                "テスト", sex, Date.valueOf(LocalDate.parse(birthDate)), address);
        return id;
    }

    /** A valid facility code of {@code prefecture} and kind 1 (medical) that no other test uses. */
    public static String freshFacilityCode(String prefecture) {
        String nine = prefecture + "1" + String.format("%06d", ThreadLocalRandom.current().nextInt(1_000_000));
        return nine + io.shikaku.common.identifier.CheckDigit.of(nine);
    }

    /** Whether the facility (in the projection) has an emergency terminal, as the registry's events would say. */
    public void emergencyTerminal(String facilityCode, boolean enabled) {
        update("UPDATE facility SET emergency_terminal = ? WHERE facility_code = ?", enabled, facilityCode);
    }

    /** A My Number card of {@code person} registered by the patient, revoked or not. */
    public void card(String cardSerial, UUID person, boolean revoked) {
        update("INSERT INTO my_number_card (card_serial, person_id, my_number_hash, valid_until, registered_at,"
                + " registered_by_person, revoked_at) VALUES (?, ?, ?, DATE '2035-03-31', now(), ?, "
                + (revoked ? "now()" : "NULL") + ")", cardSerial, person, "0".repeat(64), person);
    }

    public UUID qualification(UUID person, String insurerNumber, String symbol, String number, String branch,
            String validFrom, String validUntil) {
        UUID id = UUID.randomUUID();
        update("INSERT INTO qualification (id, person_id, insurer_number, symbol, number, symbol_key, number_key, branch,"
                + " relationship, valid_from, valid_until, copayment_rate, limit_category)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 30, 'A03')",
                id, person, insurerNumber, symbol, number, CardNumbers.key(symbol), CardNumbers.key(number), branch,
                "00".equals(branch) ? "INSURED" : "DEPENDANT", Date.valueOf(LocalDate.parse(validFrom)),
                validUntil == null ? null : Date.valueOf(LocalDate.parse(validUntil)));
        return id;
    }

    /**
     * Makes a facility live since 2021-10-01 directly in the projection, as if the registry had said so; its type
     * follows the code's kind digit. The row is pinned (state time {@code infinity}): the broker's
     * {@code facility-lifecycle} topic is shared with other suites, whose events for the same codes must not change
     * what these tests rely on. Tests of the projection itself use fresh codes and real events.
     */
    public void liveFacility(String facilityCode) {
        String type = switch (facilityCode.charAt(2)) {
            case '3' -> "DENTAL_CLINIC";
            case '4' -> "PHARMACY";
            default -> "MEDICAL_CLINIC";
        };
        update("INSERT INTO facility (facility_code, type, prefecture, go_live_on, emergency_terminal, state_time)"
                + " VALUES (?, ?, ?, DATE '2021-10-01', false, 'infinity') ON CONFLICT (facility_code) DO UPDATE"
                + " SET go_live_on = EXCLUDED.go_live_on, state_time = EXCLUDED.state_time", facilityCode, type,
                facilityCode.substring(0, 2));
    }

    /** The first column of every row {@code sql} selects, as text. */
    public java.util.List<String> rowsAsText(String sql, Object... values) {
        try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < values.length; i++) {
                s.setObject(i + 1, values[i]);
            }
            java.util.List<String> rows = new java.util.ArrayList<>();
            try (java.sql.ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    rows.add(rs.getString(1));
                }
            }
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The number in the first column of the row {@code sql} selects (a count, say). */
    public long count(String sql, Object... values) {
        try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < values.length; i++) {
                s.setObject(i + 1, values[i]);
            }
            try (java.sql.ResultSet rows = s.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Runs {@code sql}, an insert, update or delete, with {@code values}. */
    public void update(String sql, Object... values) {
        try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < values.length; i++) {
                s.setObject(i + 1, values[i]);
            }
            s.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
