package io.shikaku.bench;

import java.util.stream.Collectors;

/**
 * The SQL a recorded card-number check needs, as pgbench scripts: the machine's own limit that the suite's check rate
 * is compared with. The check's outbox row is written already published, on a topic of its own, so the relay never
 * sends it; every row is marked {@link #REFERENCE} / {@link #TOPIC} so that it can be deleted afterwards.
 */
final class CheckSql {

    static final String REFERENCE = "bench-pgbench";
    static final String TOPIC = "bench-pgbench";
    static final String INSERT_TABLE = "bench_one_row_insert";

    private CheckSql() {
    }

    /** (a) A one-row INSERT per transaction, into a table of the benchmark's own. */
    static String oneRowInsert() {
        return "INSERT INTO " + INSERT_TABLE + " DEFAULT VALUES;\n";
    }

    /**
     * (b) The lookup by card numbers (qualification join person, as EligibilityCheckService does), the insert of the
     * check and of its outbox row, in one transaction, for a random person of the data set.
     */
    static String recordedCheck(long persons, String facilityCode) {
        String insurers = BenchCard.INSURERS.stream().map(i -> "'" + i + "'").collect(Collectors.joining(","));
        // pgbench reads ":name" as a variable: the JSON's colons are followed by a space, and the times' colons are
        // written as '#' and put back by replace(), which costs the server next to nothing.
        String answer = "{\"checkId\": \"00000000-0000-0000-0000-000000000000\", \"checkedAt\": "
                + "\"2026-11-21T00#00#00.000Z\", \"method\": \"INSURANCE_CARD\", \"validity\": \"VALID\", "
                + "\"personId\": \"00000000-0000-0000-0000-000000000000\", \"qualification\": {\"insurerNumber\": "
                + "\"06139006\", \"insurerName\": \"ベンチマーク健康保険組合 1\", \"symbol\": \"B123\", \"number\": "
                + "\"123456\", \"branch\": \"00\", \"relationship\": \"INSURED\", \"name\": \"ベンチ 受診者\", "
                + "\"nameKana\": \"ベンチ ジュシンシャ\", \"sex\": \"MALE\", \"birthDate\": \"1980-04-01\", "
                + "\"validFrom\": \"2000-04-01\", \"validUntil\": null, \"copaymentRate\": 30, "
                + "\"limitCategory\": null}, \"notes\": [], \"reference\": \"bench\"}";
        String envelope = "{\"id\": \"00000000-0000-0000-0000-000000000000\", \"type\": "
                + "\"io.shikaku.eligibility.check.recorded\", \"source\": \"eligibility-service\", \"time\": "
                + "\"2026-11-21T00#00#00.000Z\", \"subject\": \"00000000-0000-0000-0000-000000000000\", \"data\": "
                + "{\"checkId\": \"00000000-0000-0000-0000-000000000000\", \"facilityCode\": \"" + facilityCode
                + "\", \"method\": \"INSURANCE_CARD\", \"validity\": \"VALID\", \"visitDate\": \"2026-11-21\", "
                + "\"checkedAt\": \"2026-11-21T00#00#00.000Z\"}}";
        return "\\set i random(0, " + (persons - 1) + ")\n"
                + "BEGIN;\n"
                + "SELECT q.id AS qid, p.id AS pid FROM qualification q JOIN person p ON p.id = q.person_id\n"
                + "  WHERE q.insurer_number = (ARRAY[" + insurers + "])[:i::int % " + BenchCard.INSURERS.size()
                + " + 1]\n"
                + "    AND q.number_key = :i::text AND q.symbol_key = 'B' || (:i::int / 1000) AND q.branch = '"
                + BenchCard.BRANCH + "'\n"
                + "    AND p.birth_date = date '" + BenchCard.FIRST_BIRTH_DATE + "' + (:i::int % "
                + BenchCard.BIRTH_DAYS + ") \\gset\n"
                + "INSERT INTO eligibility_check (id, facility_code, method, visit_date, checked_at, validity,"
                + " person_id, qualification_id, reference, answer)\n"
                + "  VALUES (gen_random_uuid(), '" + facilityCode + "', 'INSURANCE_CARD', current_date, now(),"
                + " 'VALID', :pid::uuid, :qid::uuid, '" + REFERENCE + "', " + timesRestored(answer) + ");\n"
                + "INSERT INTO outbox (id, topic, record_key, envelope, event_type, created_at, published_at)\n"
                + "  VALUES (gen_random_uuid(), '" + TOPIC + "', '" + facilityCode + "', " + timesRestored(envelope)
                + ", 'io.shikaku.eligibility.check.recorded', now(), now());\n"
                + "END;\n";
    }

    private static String timesRestored(String json) {
        return "replace('" + json + "', '#', chr(58))";
    }
}
