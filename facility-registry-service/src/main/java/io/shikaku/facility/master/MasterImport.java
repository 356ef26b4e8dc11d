package io.shikaku.facility.master;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

import io.agroal.api.AgroalDataSource;
import io.shikaku.common.db.DatabaseUnavailableException;
import io.shikaku.common.event.Topics;
import io.shikaku.common.problem.ProblemException;

/**
 * Imports the facility master from CSV in one transaction, set-based: the body is read as a stream, every line checked
 * by {@link MasterRows}, good rows COPYed into a staging table, then one upsert writes the rows that changed (a new
 * name is a change) and, in the same statement, their facility-lifecycle events into the outbox, name included (never
 * one round trip per row).
 */
@ApplicationScoped
public class MasterImport {

    /** At most this many rejected lines are listed in the answer; all are counted. */
    public static final int MAX_REPORTED = 1000;
    private static final int COPY_CHUNK = 256 * 1024;

    private static final String STAGE = "CREATE TEMP TABLE facility_import (facility_code char(10) NOT NULL,"
            + " type varchar(16) NOT NULL, prefecture char(2) NOT NULL, name text NOT NULL,"
            + " account_registered_on date, reader_applied_on date, readers_applied smallint, ready_on date,"
            + " go_live_on date) ON COMMIT DROP";

    /** Imports wait for each other (overlapping upserts in different orders could otherwise deadlock). */
    private static final String ONE_AT_A_TIME = "SELECT pg_advisory_xact_lock(hashtext('facility-master-import'))";

    private static final String COPY = "COPY facility_import FROM STDIN (FORMAT csv)";

    private static final String COLUMNS = "type, prefecture, name, account_registered_on, reader_applied_on,"
            + " readers_applied, ready_on, go_live_on";

    /**
     * Upserts the staged rows that differ and writes, per facility changed, one row of its history and one outbox row
     * as {@link io.shikaku.common.event.Outbox} would.
     */
    private static final String UPSERT = "WITH changed AS ("
            + " INSERT INTO facility AS f (facility_code, " + COLUMNS + ", updated_at)"
            + " SELECT facility_code, " + COLUMNS + ", ? FROM facility_import"
            + " ON CONFLICT (facility_code) DO UPDATE SET type = EXCLUDED.type, prefecture = EXCLUDED.prefecture,"
            + " name = EXCLUDED.name, account_registered_on = EXCLUDED.account_registered_on,"
            + " reader_applied_on = EXCLUDED.reader_applied_on, readers_applied = EXCLUDED.readers_applied,"
            + " ready_on = EXCLUDED.ready_on, go_live_on = EXCLUDED.go_live_on, updated_at = EXCLUDED.updated_at"
            + " WHERE (f.type, f.prefecture, f.name, f.account_registered_on, f.reader_applied_on, f.readers_applied,"
            + " f.ready_on, f.go_live_on) IS DISTINCT FROM (EXCLUDED.type, EXCLUDED.prefecture, EXCLUDED.name,"
            + " EXCLUDED.account_registered_on, EXCLUDED.reader_applied_on, EXCLUDED.readers_applied,"
            + " EXCLUDED.ready_on, EXCLUDED.go_live_on)"
            + " RETURNING f.facility_code, f.type, f.prefecture, f.name, f.account_registered_on, f.reader_applied_on,"
            + " f.readers_applied, f.ready_on, f.go_live_on, f.emergency_terminal),"
            + " history AS (INSERT INTO facility_history (facility_code, changed_at, change, changed_by,"
            + " changed_by_name, type, prefecture, name, account_registered_on, reader_applied_on, readers_applied,"
            + " ready_on, go_live_on, emergency_terminal) SELECT facility_code, ?, 'IMPORT', ?, ?, type, prefecture,"
            + " name,"
            + " account_registered_on, reader_applied_on, readers_applied, ready_on, go_live_on, emergency_terminal"
            + " FROM changed),"
            + " events AS (SELECT gen_random_uuid() AS id, c.* FROM changed c)"
            + " INSERT INTO outbox (id, topic, record_key, event_type, envelope, created_at)"
            + " SELECT id, ?, facility_code, ?, json_build_object('id', id, 'type', ?::text, 'source', ?::text,"
            + " 'time', ?::text, 'subject', facility_code, 'data', json_build_object('facilityCode', facility_code,"
            + " 'type', type, 'prefecture', prefecture, 'name', name, 'accountRegisteredOn', account_registered_on,"
            + " 'readerAppliedOn', reader_applied_on, 'readyOn', ready_on, 'goLiveOn', go_live_on,"
            + " 'emergencyTerminal', emergency_terminal))::text, ? FROM events";

    @Inject
    AgroalDataSource db;

    @ConfigProperty(name = "quarkus.application.name")
    String source;

    /** Reads, checks and upserts the whole body; 400 when it is not the master's CSV. Runs on a worker thread. */
    public ImportResult run(InputStream body, Actor importedBy) {
        BufferedReader reader = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT)),
                64 * 1024);
        try {
            String header = reader.readLine();
            if (header == null || !MasterRows.isHeader(header)) {
                throw ProblemException.invalidField("body",
                        "must be CSV (UTF-8) whose first line is the header " + MasterRows.HEADER);
            }
            Connection open;
            try {
                open = db.getConnection();
            } catch (SQLException e) {
                throw new DatabaseUnavailableException(e);
            }
            try (Connection connection = open) {
                connection.setAutoCommit(false);
                try {
                    ImportResult result = importLines(reader, connection, importedBy);
                    connection.commit();
                    return result;
                } catch (RuntimeException | SQLException | IOException e) {
                    connection.rollback();
                    throw e;
                }
            }
        } catch (CharacterCodingException e) {
            throw ProblemException.invalidField("body", "must be UTF-8 text");
        } catch (IOException e) {
            throw new UncheckedIOException("The import body could not be read", e);
        } catch (SQLException e) {
            throw new IllegalStateException("The import could not be written", e);
        }
    }

    private ImportResult importLines(BufferedReader reader, Connection connection, Actor importedBy)
            throws IOException, SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(ONE_AT_A_TIME);
            statement.execute(STAGE);
        }
        CopyIn copy = connection.unwrap(PGConnection.class).getCopyAPI().copyIn(COPY);
        List<ImportResult.LineError> errors = new ArrayList<>();
        CodeSet seen = new CodeSet();
        StringBuilder chunk = new StringBuilder(COPY_CHUNK + 1024);
        int imported = 0;
        int rejected = 0;
        long lineNumber = 1;
        try {
            String line;
            while ((line = reader.readLine()) != null) {
                lineNumber++;
                if (line.isBlank()) {
                    continue;
                }
                MasterRows.Verdict verdict = MasterRows.check(MasterRows.split(line));
                if (verdict.accepted() && !seen.add(verdict.row().facilityCode())) {
                    verdict = new MasterRows.Verdict(null, "DUPLICATE_FACILITY_CODE",
                            "the facility code appears on an earlier line of this import");
                }
                if (!verdict.accepted()) {
                    rejected++;
                    if (errors.size() < MAX_REPORTED) {
                        errors.add(new ImportResult.LineError(lineNumber, verdict.code(), verdict.message()));
                    }
                    continue;
                }
                imported++;
                appendCsv(chunk, verdict.row());
                if (chunk.length() >= COPY_CHUNK) {
                    write(copy, chunk);
                }
            }
            write(copy, chunk);
            copy.endCopy();
        } finally {
            if (copy.isActive()) {
                copy.cancelCopy();
            }
        }
        int changed = 0;
        if (imported > 0) {
            Instant now = Instant.now();
            try (PreparedStatement upsert = connection.prepareStatement(UPSERT)) {
                upsert.setTimestamp(1, Timestamp.from(now));
                upsert.setTimestamp(2, Timestamp.from(now));
                upsert.setString(3, importedBy.subject());
                upsert.setString(4, importedBy.name());
                upsert.setString(5, Topics.FACILITY_LIFECYCLE);
                upsert.setString(6, FacilityLifecycleChanged.TYPE);
                upsert.setString(7, FacilityLifecycleChanged.TYPE);
                upsert.setString(8, source);
                upsert.setString(9, now.toString());
                upsert.setTimestamp(10, Timestamp.from(now));
                changed = upsert.executeUpdate();
            }
        }
        return new ImportResult(imported, rejected, changed, rejected > errors.size(), errors);
    }

    private static void write(CopyIn copy, StringBuilder chunk) throws SQLException {
        if (chunk.length() > 0) {
            byte[] bytes = chunk.toString().getBytes(StandardCharsets.UTF_8);
            copy.writeToCopy(bytes, 0, bytes.length);
            chunk.setLength(0);
        }
    }

    private static void appendCsv(StringBuilder out, MasterRow row) {
        out.append(row.facilityCode()).append(',').append(row.type().name()).append(',').append(row.prefecture())
                .append(",\"").append(row.name().replace("\"", "\"\"")).append('"');
        date(out, row.accountRegisteredOn());
        date(out, row.readerAppliedOn());
        out.append(',');
        if (row.readersApplied() != null) {
            out.append(row.readersApplied().intValue());
        }
        date(out, row.readyOn());
        date(out, row.goLiveOn());
        out.append('\n');
    }

    private static void date(StringBuilder out, LocalDate date) {
        out.append(',');
        if (date != null) {
            out.append(date);
        }
    }
}
