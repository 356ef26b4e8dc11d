package io.shikaku.fault;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import io.shikaku.common.identifier.MyNumber;

/**
 * The work a fault may catch half done: a clinic's bulk inquiry, an insurer's member batch and the claims feed's
 * dispensing batch of one scenario, each sent with an Idempotency-Key. One not acknowledged is sent again with the
 * same key once the suite is back, as a client would; each must then finish with a line per record, and exist once.
 */
final class Batches {

    /** One submitted batch: where it was sent, with which key, how many records, and its report's address. */
    static final class Batch {
        final String name;
        final String who;
        final String path;
        final String key;
        final Map<String, Object> body;
        final int records;
        String location;
        int attempts;

        Batch(String name, String who, String path, String key, Map<String, Object> body, int records) {
            this.name = name;
            this.who = who;
            this.path = path;
            this.key = key;
            this.body = body;
            this.records = records;
        }
    }

    static final int BULK_ENTRIES = 20;
    static final int MEMBER_RECORDS = 4;
    static final int DISPENSING_RECORDS = 4;

    static List<Batch> of(String tag) {
        List<Map<String, Object>> entries = new ArrayList<>();
        for (int i = 0; i < BULK_ENTRIES; i++) {
            // half of them numbers nobody has, each its own: the same unknown numbers over and over would be a sweep
            // of birth dates, whose entries eligibility refuses (RATE_LIMITED) instead of answering
            String number = i % 2 == 0 ? "5678" : Integer.toString(ThreadLocalRandom.current().nextInt(90_000, 99_999));
            entries.add(Map.of("insurerNumber", "06130017", "symbol", "1234", "number", number, "branch", "00",
                    "birthDate", "1980-04-01", "reference", tag + "-b" + i));
        }
        List<Map<String, Object>> members = new ArrayList<>();
        for (int i = 0; i < MEMBER_RECORDS; i++) {
            Map<String, Object> member = new HashMap<>(Map.of("op", "UPSERT", "myNumber", myNumber(), "name",
                    "試験 太郎", "nameKana", "シケン タロウ", "sex", "MALE", "birthDate", "1985-05-0" + (i + 1),
                    "address", "東京都千代田区霞が関1-2-2", "symbol", "7000", "number",
                    Integer.toString(ThreadLocalRandom.current().nextInt(10_000, 99_999))));
            member.putAll(Map.of("branch", "00", "relationship", "INSURED", "validFrom", "2020-04-01",
                    "copaymentRate", 30));
            members.add(member);
        }
        List<Map<String, Object>> dispensings = new ArrayList<>();
        for (int i = 0; i < DISPENSING_RECORDS; i++) {
            Map<String, Object> line = new HashMap<>(Map.of("insurerNumber", "06130017", "symbol", "1234", "number",
                    "5678", "branch", "00", "dispensedOn", Load.TODAY.minusDays(i).toString(), "prescribedOn",
                    Load.TODAY.minusDays(i).toString(), "drugCode", "1149019F1560", "drugName", "ロキソニン錠60mg",
                    "quantity", 21 + i));
            line.putAll(Map.of("ingredient", "ロキソプロフェンナトリウム水和物", "unit", "錠", "usage", "1日3回毎食後", "days", 7,
                    "setting", "OUTPATIENT", "dispensingFacilityCode", "1340123452", "prescribingFacilityCode",
                    Load.CLINIC_CODE));
            dispensings.add(line);
        }
        return List.of(
                new Batch("bulk inquiry", Load.CLINIC, "/eligibility/bulk-inquiries", tag + "-bulk",
                        Map.of("visitDate", Load.TODAY.toString(), "entries", entries), BULK_ENTRIES),
                new Batch("member batch", "insurer-06130017", "/insurers/06130017/member-batches", tag + "-members",
                        Map.of("records", members), MEMBER_RECORDS),
                new Batch("dispensing batch", "claims-feed", "/claims/dispensing-batches", tag + "-dispensing",
                        Map.of("records", dispensings), DISPENSING_RECORDS));
    }

    /** Sends a batch (again, with its key, when an earlier try went unanswered); whether it was acknowledged. */
    static boolean submit(Api api, Batch batch) {
        batch.attempts++;
        Api.Answer answer = api.post(batch.who, batch.path, batch.body, batch.key);
        if (answer.acknowledged() && answer.location() != null) {
            batch.location = answer.location();
            return true;
        }
        return false;
    }

    private static String myNumber() {
        StringBuilder digits = new StringBuilder();
        ThreadLocalRandom random = ThreadLocalRandom.current();
        for (int i = 0; i < 11; i++) {
            digits.append(random.nextInt(10));
        }
        return digits.append(MyNumber.checkDigit(digits.toString())).toString();
    }
}
