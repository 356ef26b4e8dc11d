package io.shikaku.eligibility.resident;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import io.shikaku.common.json.CalendarDates;
import io.shikaku.common.problem.ProblemException;
import io.shikaku.contract.ErrorCode;
import io.shikaku.eligibility.mynumber.MyNumberHasher;
import io.shikaku.eligibility.resident.ImportReport.RecordError;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Keeps the reference copy of the resident registry (DOMAIN.md §5): validates each record, applies the valid ones in
 * one set-based upsert keyed by the My Number's keyed hash, and reports the others by index.
 */
@ApplicationScoped
public class ResidentRegistry {

    /** The most records one import may hold; more is {@code 413 PAYLOAD_TOO_LARGE}. */
    public static final int MAX_RECORDS = 50_000;

    private static final Logger LOG = Logger.getLogger(ResidentRegistry.class);

    private static final String UPSERT = "INSERT INTO resident AS r (my_number_hash, name, name_kana, sex, birth_date,"
            + " address, name_key, address_key, updated_at)"
            + " SELECT e.h, e.n, e.k, e.s, e.b, e.a, e.nk, e.ak, now()"
            + " FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::date[], $6::text[], $7::text[],"
            + " $8::text[]) AS e(h, n, k, s, b, a, nk, ak)"
            + " ON CONFLICT (my_number_hash) DO UPDATE SET name = EXCLUDED.name, name_kana = EXCLUDED.name_kana,"
            + " sex = EXCLUDED.sex, birth_date = EXCLUDED.birth_date, address = EXCLUDED.address,"
            + " name_key = EXCLUDED.name_key, address_key = EXCLUDED.address_key, updated_at = EXCLUDED.updated_at";

    private static final String FIND = "SELECT name, sex, birth_date, address FROM resident WHERE my_number_hash = $1";

    @Inject
    Pool pool;

    @Inject
    MyNumberHasher hasher;

    Clock clock = Clock.system(CalendarDates.JAPAN);

    /** Applies the valid records of {@code request} and reports the invalid ones. */
    public Uni<ImportReport> importRecords(ResidentImport request) {
        List<ResidentRecord> records = request.records();
        if (records.size() > MAX_RECORDS) {
            throw new ProblemException(ErrorCode.PAYLOAD_TOO_LARGE,
                    "An import holds at most " + MAX_RECORDS + " records; split the feed into several imports");
        }
        LocalDate today = LocalDate.now(clock);
        List<RecordError> errors = new ArrayList<>();
        List<ResidentRecord> valid = new ArrayList<>(records.size());
        List<String> hashes = new ArrayList<>(records.size());
        Map<String, Integer> firstIndex = new HashMap<>();
        for (int i = 0; i < records.size(); i++) {
            ResidentRecord record = records.get(i);
            List<ResidentRecordRules.Violation> violations = ResidentRecordRules.violations(record, today);
            for (ResidentRecordRules.Violation v : violations) {
                errors.add(new RecordError(i, "records[" + i + "]" + (v.field().isEmpty() ? "" : "." + v.field()),
                        ErrorCode.VALIDATION_FAILED.name(), v.message()));
            }
            if (!violations.isEmpty()) {
                continue;
            }
            String hash = hasher.hash(record.myNumber());
            Integer earlier = firstIndex.putIfAbsent(hash, i);
            if (earlier != null) {
                errors.add(new RecordError(i, "records[" + i + "].myNumber", ErrorCode.CONFLICT.name(),
                        "the same My Number is already at records[" + earlier + "] of this import"));
                continue;
            }
            valid.add(record);
            hashes.add(hash);
        }
        int rejected = (int) errors.stream().mapToInt(RecordError::index).distinct().count();
        return upsert(valid, hashes).map(upserted -> {
            LOG.infof("Resident registry import: %d received, %d upserted, %d rejected", records.size(), upserted,
                    rejected);
            return new ImportReport(records.size(), upserted, rejected, errors);
        });
    }

    /**
     * The four basic attributes the registry holds for {@code myNumber} (a valid one), or null when it holds none: what
     * an insurer's linkage is compared against with {@link FourAttributes#agreesWith(FourAttributes)}.
     */
    public Uni<FourAttributes> fourAttributes(String myNumber) {
        return pool.preparedQuery(FIND).execute(Tuple.of(hasher.hash(myNumber))).map(rows -> {
            if (rows.size() == 0) {
                return null;
            }
            Row row = rows.iterator().next();
            return new FourAttributes(row.getString("name"), row.getString("sex"), row.getLocalDate("birth_date"),
                    row.getString("address"));
        });
    }

    private Uni<Integer> upsert(List<ResidentRecord> records, List<String> hashes) {
        int n = records.size();
        if (n == 0) {
            return Uni.createFrom().item(0);
        }
        String[] h = hashes.toArray(String[]::new);
        String[] names = new String[n];
        String[] kana = new String[n];
        String[] sex = new String[n];
        LocalDate[] birth = new LocalDate[n];
        String[] address = new String[n];
        String[] nameKeys = new String[n];
        String[] addressKeys = new String[n];
        for (int i = 0; i < n; i++) {
            ResidentRecord r = records.get(i);
            names[i] = r.name();
            kana[i] = r.nameKana();
            sex[i] = r.sex();
            birth[i] = r.birthDate();
            address[i] = r.address();
            nameKeys[i] = FourAttributes.key(r.name());
            addressKeys[i] = FourAttributes.key(r.address());
        }
        return pool.withTransaction(tx -> tx.preparedQuery(UPSERT)
                .execute(Tuple.from(new Object[] {h, names, kana, sex, birth, address, nameKeys, addressKeys}))
                .map(rows -> rows.rowCount()));
    }
}
