package io.shikaku.eligibility.retention;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import io.agroal.api.AgroalDataSource;
import io.quarkus.scheduler.Scheduled;

/**
 * Keeps {@code eligibility_check}'s month partitions (migration V50): creates this month's and the next months' ahead
 * of time, so checks never land in the DEFAULT partition; moves rows that did land there (the job was down, a clock
 * far off) into their month's new partition; and drops whole months once every check in them is older than the
 * retention, instead of deleting rows. One replica at a time (advisory lock), one transaction per run, its DDL waiting
 * for locks at most {@link #LOCK_TIMEOUT} so checks never queue long behind it; a run that fails is retried by the next.
 */
@ApplicationScoped
public class CheckRetention {

    private static final Logger LOG = Logger.getLogger(CheckRetention.class);

    /** How long the job's DDL waits for a lock on the table (checks queue behind a waiting DDL lock). */
    static final String LOCK_TIMEOUT = "2s";

    private static final String PARTITIONS = "SELECT c.relname FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid"
            + " WHERE i.inhparent = '" + CheckPartitions.TABLE + "'::regclass";
    private static final String STRAY_MONTHS = "SELECT DISTINCT date_trunc('month', checked_at AT TIME ZONE '"
            + CheckPartitions.ZONE.getId() + "')::date FROM " + CheckPartitions.DEFAULT_PARTITION;

    /** What one run did: partitions created, rows moved out of DEFAULT, partitions dropped. */
    public record Report(List<String> created, long moved, List<String> dropped) {
    }

    @Inject
    AgroalDataSource db;

    @Inject
    Clock clock;

    @Inject
    CheckRetentionConfig config;

    @Scheduled(every = "${shikaku.checks.maintenance.every:6h}", delayed = "${shikaku.checks.maintenance.delayed:10s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void onTimer() {
        try {
            run();
        } catch (SQLException | RuntimeException e) {
            LOG.warnf("Check partition maintenance will retry: %s", e.getClass().getName());
        }
    }

    /** One run at the clock's now. */
    public Report run() throws SQLException {
        return run(clock.instant());
    }

    Report run(Instant now) throws SQLException {
        try (Connection c = db.getConnection()) {
            c.setAutoCommit(false);
            try (Statement s = c.createStatement()) {
                Report report = maintain(s, now);
                c.commit();
                if (!report.created().isEmpty() || !report.dropped().isEmpty()) {
                    LOG.infof("Check partitions created %s (%d rows moved from DEFAULT), dropped %s", report.created(),
                            report.moved(), report.dropped());
                }
                return report;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        }
    }

    private Report maintain(Statement s, Instant now) throws SQLException {
        s.execute("SET LOCAL lock_timeout = '" + LOCK_TIMEOUT + "'");
        if (!claimed(s)) {
            return new Report(List.of(), 0, List.of());
        }
        Set<String> existing = strings(s, PARTITIONS);
        Set<YearMonth> wanted = new TreeSet<>(CheckPartitions.wanted(now, config.partitionsAhead()));
        Set<YearMonth> stray = new TreeSet<>();
        for (String day : strings(s, STRAY_MONTHS)) {
            stray.add(YearMonth.from(LocalDate.parse(day)));
        }
        wanted.addAll(stray);
        wanted.removeIf(month -> existing.contains(CheckPartitions.name(month)));

        List<String> created = new ArrayList<>();
        long moved = 0;
        if (!wanted.isEmpty()) {
            // Inserts wait (briefly) while partitions are made, so none lands in DEFAULT between the move and the create.
            s.execute("LOCK TABLE " + CheckPartitions.TABLE + " IN ACCESS EXCLUSIVE MODE");
            for (YearMonth month : wanted) {
                moved += stray.contains(month) ? createMoving(s, month) : create(s, month);
                created.add(CheckPartitions.name(month));
            }
        }

        List<String> dropped = new ArrayList<>();
        for (String name : new TreeSet<>(strings(s, PARTITIONS))) {
            boolean expired = CheckPartitions.monthOfName(name)
                    .map(month -> CheckPartitions.expired(month, now, config.retention()))
                    .orElse(false);
            if (expired) {
                s.execute("DROP TABLE " + name);
                dropped.add(name);
            }
        }
        return new Report(created, moved, dropped);
    }

    private static boolean claimed(Statement s) throws SQLException {
        try (ResultSet rs = s.executeQuery(
                "SELECT pg_try_advisory_xact_lock(hashtext('" + CheckPartitions.TABLE + " partitions'))")) {
            rs.next();
            return rs.getBoolean(1);
        }
    }

    private static long create(Statement s, YearMonth month) throws SQLException {
        s.execute(createPartition(month));
        return 0;
    }

    /**
     * PostgreSQL refuses to create a partition while DEFAULT holds rows of its range: the rows are taken out of DEFAULT,
     * the partition is created, and the rows are put back through the parent, which routes them to it.
     */
    private static long createMoving(Statement s, YearMonth month) throws SQLException {
        String range = "checked_at >= '" + CheckPartitions.literal(CheckPartitions.from(month)) + "' AND checked_at < '"
                + CheckPartitions.literal(CheckPartitions.to(month)) + "'";
        s.execute("CREATE TEMP TABLE check_partition_move ON COMMIT DROP AS WITH taken AS (DELETE FROM "
                + CheckPartitions.DEFAULT_PARTITION + " WHERE " + range + " RETURNING *) SELECT * FROM taken");
        s.execute(createPartition(month));
        long moved = s
                .executeLargeUpdate("INSERT INTO " + CheckPartitions.TABLE + " SELECT * FROM check_partition_move");
        s.execute("DROP TABLE check_partition_move");
        return moved;
    }

    private static String createPartition(YearMonth month) {
        return "CREATE TABLE " + CheckPartitions.name(month) + " PARTITION OF " + CheckPartitions.TABLE
                + " FOR VALUES FROM ('" + CheckPartitions.literal(CheckPartitions.from(month)) + "') TO ('"
                + CheckPartitions.literal(CheckPartitions.to(month)) + "')";
    }

    private static Set<String> strings(Statement s, String sql) throws SQLException {
        Set<String> values = new TreeSet<>();
        try (ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                values.add(rs.getString(1));
            }
        }
        return values;
    }
}
