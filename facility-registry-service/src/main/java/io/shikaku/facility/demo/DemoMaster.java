package io.shikaku.facility.demo;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import io.shikaku.common.identifier.CheckDigit;

/**
 * The demo national facility master: 229,202 facilities in all 47 prefectures, generated from a fixed seed, whose
 * adoption figures as of 2021-10-20, 2021-11-14 and 2021-11-21 are exactly those of DOMAIN.md §10, with every later
 * stage up to 2026 and many facilities still at the first ones, so that the lifecycle can be walked (§9).
 *
 * <p>
 * Per type, facilities are ranked: the first are live by 2021-10-20, then by 2021-11-14, then by 2021-11-21, then
 * ready by 2021-10-20 (live later), ready by 2021-11-21, reader applied by 2021-11-21, and the rest later or never.
 * Every count of §10 is the length of such a run of ranks, so the figures hold by construction; hospitals' prefectures
 * are dealt so that their reader-application rates fall in §10's bands.
 */
public final class DemoMaster {

    public static final long SEED = 20211121L;

    public static final LocalDate TREND_FROM = LocalDate.parse("2021-10-20");
    public static final LocalDate USAGE_LIVE_AS_OF = LocalDate.parse("2021-11-14");
    public static final LocalDate REPORT_DATE = LocalDate.parse("2021-11-21");

    static final LocalDate ACCOUNTS_FROM = LocalDate.parse("2019-04-01");
    static final LocalDate APPLICATIONS_FROM = LocalDate.parse("2019-06-03");
    static final LocalDate READY_FROM = LocalDate.parse("2020-10-01");
    static final LocalDate LIVE_FROM = LocalDate.parse("2021-03-04");
    /** The last date any step may carry: the day before the demo's today (2026-11-22). */
    static final LocalDate LAST = LocalDate.parse("2026-11-20");

    /** §10's figures per type, in the order HOSPITAL, MEDICAL_CLINIC, DENTAL_CLINIC, PHARMACY. */
    public record TypeFigures(String type, char kind, String word, int facilities, int readerApplied, int ready,
            int live, int readyOnTrendFrom, int liveOnTrendFrom, int liveOnUsageDate) {
    }

    public static final List<TypeFigures> FIGURES = List.of(
            new TypeFigures("HOSPITAL", '1', "Hospital", 8_230, 6_391, 1_917, 1_406, 1_627, 1_056, 1_336),
            new TypeFigures("MEDICAL_CLINIC", '1', "Clinic", 89_425, 39_455, 7_722, 4_836, 6_072, 3_240, 4_478),
            new TypeFigures("DENTAL_CLINIC", '3', "Dental Clinic", 70_815, 34_481, 5_920, 4_160, 4_650, 2_825, 3_837),
            new TypeFigures("PHARMACY", '4', "Pharmacy", 60_732, 49_083, 10_408, 6_992, 8_013, 4_555, 6_006));

    /** The README's demo facilities: live since spring 2021, so that every demo client may check. */
    public static final List<MasterRow> DEMO_FACILITIES = List.of(
            demo("0110113719", "MEDICAL_CLINIC", "Sapporo Demo Clinic", 1),
            demo("1310123458", "HOSPITAL", "Shinjuku Demo Hospital", 2),
            demo("1330123454", "DENTAL_CLINIC", "Shinjuku Demo Dental Clinic", 1),
            demo("1340123452", "PHARMACY", "Shinjuku Demo Pharmacy", 1),
            demo("2710123452", "MEDICAL_CLINIC", "Osaka Demo Clinic", 1));

    /** Hospitals' reader-application rate bands by prefecture (§10): one at 90 % or more, 22, 21 and 3 below. */
    static final int[] HOSPITAL_BAND_FLOORS = bandFloors();

    static final String[] PREFECTURES = {"Hokkaido", "Aomori", "Iwate", "Miyagi", "Akita", "Yamagata", "Fukushima",
            "Ibaraki", "Tochigi", "Gunma", "Saitama", "Chiba", "Tokyo", "Kanagawa", "Niigata", "Toyama", "Ishikawa",
            "Fukui", "Yamanashi", "Nagano", "Gifu", "Shizuoka", "Aichi", "Mie", "Shiga", "Kyoto", "Osaka", "Hyogo",
            "Nara", "Wakayama", "Tottori", "Shimane", "Okayama", "Hiroshima", "Yamaguchi", "Tokushima", "Kagawa",
            "Ehime", "Kochi", "Fukuoka", "Saga", "Nagasaki", "Kumamoto", "Oita", "Miyazaki", "Kagoshima", "Okinawa"};

    /** Rough populations (ten thousands, 2020), the weight of each prefecture. */
    static final int[] WEIGHTS = {522, 124, 121, 230, 96, 107, 183, 287, 193, 194, 734, 628, 1405, 924, 220, 103, 113,
            77, 81, 205, 198, 363, 754, 177, 141, 258, 884, 547, 132, 92, 55, 67, 189, 280, 134, 72, 95, 133, 69, 513,
            81, 131, 174, 112, 107, 159, 147};

    private final Random random = new Random(SEED);
    private final Map<String, Integer> serials = new HashMap<>();
    private final int weightSum = Arrays.stream(WEIGHTS).sum();

    private DemoMaster() {
    }

    /** The whole master, always the same rows in the same order. */
    public static List<MasterRow> generate() {
        return new DemoMaster().rows();
    }

    private List<MasterRow> rows() {
        List<MasterRow> rows = new ArrayList<>(229_202);
        for (TypeFigures figures : FIGURES) {
            List<MasterRow> demos = DEMO_FACILITIES.stream().filter(d -> d.type().equals(figures.type())).toList();
            rows.addAll(demos);
            List<String> prefectures = prefecturesByRank(figures, demos);
            for (int rank = demos.size(); rank < figures.facilities(); rank++) {
                rows.add(row(figures, rank, prefectures.get(rank - demos.size())));
            }
        }
        return rows;
    }

    /** The prefecture of every non-demo rank: for hospitals, dealt so that each prefecture's applied share is set. */
    private List<String> prefecturesByRank(TypeFigures figures, List<MasterRow> demos) {
        int count = figures.facilities() - demos.size();
        if (!figures.type().equals("HOSPITAL")) {
            List<String> prefectures = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                prefectures.add(weightedPrefecture());
            }
            return prefectures;
        }
        int[] hospitals = apportion(figures.facilities());
        int[] applied = hospitalApplications(hospitals, figures.readerApplied());
        List<String> appliedSlots = new ArrayList<>();
        List<String> otherSlots = new ArrayList<>();
        for (int p = 0; p < 47; p++) {
            String code = prefectureCode(p);
            int appliedHere = applied[p] - (int) demos.stream().filter(d -> d.prefecture().equals(code)).count();
            appliedSlots.addAll(Collections.nCopies(appliedHere, code));
            otherSlots.addAll(Collections.nCopies(hospitals[p] - applied[p], code));
        }
        Collections.shuffle(appliedSlots, random);
        Collections.shuffle(otherSlots, random);
        appliedSlots.addAll(otherSlots);
        return appliedSlots;
    }

    /** Hospitals per prefecture: {@code total} shared by weight (largest remainder). */
    static int[] apportion(int total) {
        int sum = Arrays.stream(WEIGHTS).sum();
        int[] shares = new int[47];
        double[] remainders = new double[47];
        int given = 0;
        for (int p = 0; p < 47; p++) {
            double exact = (double) total * WEIGHTS[p] / sum;
            shares[p] = (int) Math.floor(exact);
            remainders[p] = exact - shares[p];
            given += shares[p];
        }
        while (given < total) {
            int best = 0;
            for (int p = 1; p < 47; p++) {
                if (remainders[p] > remainders[best]) {
                    best = p;
                }
            }
            shares[best]++;
            remainders[best] = -1;
            given++;
        }
        return shares;
    }

    /**
     * Applied hospitals per prefecture: a rate inside each prefecture's band (a point or more from its edges, so that
     * rounding never moves it), then nudged one hospital at a time until they add up to {@code total}.
     */
    static int[] hospitalApplications(int[] hospitals, int total) {
        int[] applied = new int[47];
        int sum = 0;
        for (int p = 0; p < 47; p++) {
            applied[p] = (int) Math.round(hospitals[p] * (HOSPITAL_BAND_FLOORS[p] + 5) / 100.0);
            sum += applied[p];
        }
        while (sum != total) {
            int step = sum < total ? 1 : -1;
            int best = -1;
            double bestRoom = 0;
            for (int p = 0; p < 47; p++) {
                double rate = 100.0 * (applied[p] + step) / hospitals[p];
                double room = Math.min(rate - HOSPITAL_BAND_FLOORS[p], HOSPITAL_BAND_FLOORS[p] + 10 - rate);
                if (room >= 1 && (best < 0 || room > bestRoom)) {
                    best = p;
                    bestRoom = room;
                }
            }
            if (best < 0) {
                throw new IllegalStateException("the hospital bands cannot hold " + total + " applications");
            }
            applied[best] += step;
            sum += step;
        }
        return applied;
    }

    private static int[] bandFloors() {
        int[] floors = new int[47];
        Arrays.fill(floors, 70);
        // Fixed, so that the bands never depend on chance: Tottori at 90 % or more; 22 smaller prefectures in 80–90 %;
        // Saitama, Kanagawa and Osaka in 60–70 %; the other 21 in 70–80 %.
        floors[30] = 90;
        int[] eighties = {1, 2, 4, 5, 15, 16, 17, 18, 24, 28, 29, 31, 34, 35, 36, 37, 38, 40, 41, 43, 44, 46};
        for (int p : eighties) {
            floors[p] = 80;
        }
        floors[10] = 60;
        floors[13] = 60;
        floors[26] = 60;
        return floors;
    }

    private MasterRow row(TypeFigures f, int rank, String prefecture) {
        String code = nextCode(prefecture, f.kind());
        String name = PREFECTURES[Integer.parseInt(prefecture) - 1] + " " + f.word() + " " + code.substring(3, 9);
        Integer readers = f.type().equals("HOSPITAL") ? 1 + random.nextInt(3) : 1;
        LocalDate goLive = null;
        LocalDate ready = null;
        LocalDate applied;
        if (rank < f.liveOnTrendFrom()) {
            goLive = between(LIVE_FROM, TREND_FROM);
            ready = between(READY_FROM, goLive);
        } else if (rank < f.liveOnUsageDate()) {
            goLive = between(TREND_FROM.plusDays(1), USAGE_LIVE_AS_OF);
            ready = between(READY_FROM, TREND_FROM);
        } else if (rank < f.live()) {
            goLive = between(USAGE_LIVE_AS_OF.plusDays(1), REPORT_DATE);
            ready = between(READY_FROM, TREND_FROM);
        } else if (rank < f.readyOnTrendFrom()) {
            ready = between(READY_FROM, TREND_FROM);
            goLive = chance(90) ? between(REPORT_DATE.plusDays(1), LAST) : null;
        } else if (rank < f.ready()) {
            ready = between(TREND_FROM.plusDays(1), REPORT_DATE);
            goLive = chance(90) ? between(REPORT_DATE.plusDays(1), LAST) : null;
        } else if (rank < f.readerApplied()) {
            applied = between(APPLICATIONS_FROM, REPORT_DATE);
            if (chance(70)) {
                ready = between(max(applied, REPORT_DATE.plusDays(1)), LAST);
                goLive = chance(80) ? between(ready, LAST) : null;
            }
            return new MasterRow(code, f.type(), prefecture, name, between(ACCOUNTS_FROM, applied), applied, readers,
                    ready, goLive);
        } else {
            return later(f, code, prefecture, name, readers);
        }
        applied = between(APPLICATIONS_FROM, ready);
        return new MasterRow(code, f.type(), prefecture, name, between(ACCOUNTS_FROM, applied), applied, readers,
                ready, goLive);
    }

    /** A facility that had not applied for a reader by the report date: still registered, or any stage since. */
    private MasterRow later(TypeFigures f, String code, String prefecture, String name, Integer readers) {
        int stage = random.nextInt(100);
        if (stage < 35) {
            return new MasterRow(code, f.type(), prefecture, name, null, null, null, null, null);
        }
        LocalDate account = between(ACCOUNTS_FROM, LAST);
        if (stage < 60) {
            return new MasterRow(code, f.type(), prefecture, name, account, null, null, null, null);
        }
        LocalDate applied = between(max(account, REPORT_DATE.plusDays(1)), LAST);
        LocalDate ready = stage < 75 ? null : between(applied, LAST);
        LocalDate goLive = stage < 85 ? null : between(ready, LAST);
        return new MasterRow(code, f.type(), prefecture, name, account, applied, readers, ready, goLive);
    }

    private String weightedPrefecture() {
        int pick = random.nextInt(weightSum);
        for (int p = 0; p < 47; p++) {
            pick -= WEIGHTS[p];
            if (pick < 0) {
                return prefectureCode(p);
            }
        }
        throw new IllegalStateException("weights");
    }

    /** The next free code of a prefecture and fee-table kind; serials start at 100000, above the demo codes'. */
    private String nextCode(String prefecture, char kind) {
        String key = prefecture + kind;
        int serial = serials.merge(key, 1, Integer::sum) + 99_999;
        String digits = key + String.format("%06d", serial);
        return digits + CheckDigit.of(digits);
    }

    private boolean chance(int percent) {
        return random.nextInt(100) < percent;
    }

    private LocalDate between(LocalDate from, LocalDate to) {
        long days = ChronoUnit.DAYS.between(from, to);
        if (days < 0) {
            throw new IllegalArgumentException(from + " after " + to);
        }
        return from.plusDays(days == 0 ? 0 : random.nextLong(days + 1));
    }

    private static LocalDate max(LocalDate a, LocalDate b) {
        return a.isAfter(b) ? a : b;
    }

    static String prefectureCode(int index) {
        return String.format("%02d", index + 1);
    }

    private static MasterRow demo(String code, String type, String name, int readers) {
        return new MasterRow(code, type, code.substring(0, 2), name, LocalDate.parse("2020-02-03"),
                LocalDate.parse("2020-06-01"), readers, LocalDate.parse("2021-02-15"),
                LocalDate.parse("2021-03-04"));
    }
}
