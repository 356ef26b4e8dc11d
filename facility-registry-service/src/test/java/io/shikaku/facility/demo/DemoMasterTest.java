package io.shikaku.facility.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.shikaku.common.identifier.FacilityCode;

class DemoMasterTest {

    private static final List<MasterRow> MASTER = DemoMaster.generate();
    private static final LocalDate TODAY = LocalDate.parse("2026-11-22");

    private static final LocalDate NOV_21 = LocalDate.parse("2021-11-21");
    private static final LocalDate OCT_20 = LocalDate.parse("2021-10-20");
    private static final LocalDate NOV_14 = LocalDate.parse("2021-11-14");

    @Test
    void theMasterHoldsTheReportsFacilitiesByTypeInAllPrefectures() {
        assertEquals(229_202, MASTER.size());
        assertEquals(List.of(8_230, 89_425, 70_815, 60_732), perType(r -> true));
        assertEquals(47, MASTER.stream().map(MasterRow::prefecture).distinct().count());
    }

    @Test
    void asOfTheReportDateReaderApplicationsReadinessAndGoLiveAreThoseOfSection10() {
        assertEquals(List.of(6_391, 39_455, 34_481, 49_083), perType(r -> onOrBefore(r.readerAppliedOn(), NOV_21)));
        assertEquals(List.of(1_917, 7_722, 5_920, 10_408), perType(r -> ready(r, NOV_21)));
        assertEquals(List.of(1_406, 4_836, 4_160, 6_992), perType(r -> onOrBefore(r.goLiveOn(), NOV_21)));
    }

    @Test
    void theTrendsEarlierDateAndTheUsageCutOffHaveSection10sFigures() {
        assertEquals(List.of(1_627, 6_072, 4_650, 8_013), perType(r -> ready(r, OCT_20)));
        assertEquals(List.of(1_056, 3_240, 2_825, 4_555), perType(r -> onOrBefore(r.goLiveOn(), OCT_20)));
        assertEquals(List.of(1_336, 4_478, 3_837, 6_006), perType(r -> onOrBefore(r.goLiveOn(), NOV_14)));
    }

    @Test
    void hospitalsReaderApplicationRatesByPrefectureFallInTheReportsBands() {
        Map<String, int[]> byPrefecture = new TreeMap<>();
        MASTER.stream().filter(r -> r.type().equals("HOSPITAL")).forEach(r -> {
            int[] counts = byPrefecture.computeIfAbsent(r.prefecture(), p -> new int[2]);
            counts[0]++;
            if (onOrBefore(r.readerAppliedOn(), NOV_21)) {
                counts[1]++;
            }
        });
        assertEquals(47, byPrefecture.size());
        int[] bands = new int[11];
        byPrefecture.values().forEach(c -> {
            BigDecimal rate = BigDecimal.valueOf(c[1] * 100L).divide(BigDecimal.valueOf(c[0]), 1, RoundingMode.HALF_UP);
            bands[rate.intValue() / 10]++;
        });
        assertEquals(1, bands[9] + bands[10], "90 % or more");
        assertEquals(22, bands[8], "80–90 %");
        assertEquals(21, bands[7], "70–80 %");
        assertEquals(3, bands[6], "60–70 %");
        assertEquals(47, Arrays.stream(bands, 6, 11).sum(), "all above 60 %");
    }

    @Test
    void everyRowKeepsTheMasterRules() {
        Set<String> codes = new HashSet<>();
        for (MasterRow r : MASTER) {
            assertTrue(codes.add(r.facilityCode()), "unique " + r.facilityCode());
            assertTrue(FacilityCode.isValid(r.facilityCode()), r.facilityCode());
            assertEquals(r.prefecture(), r.facilityCode().substring(0, 2));
            char kind = switch (r.type()) {
                case "HOSPITAL", "MEDICAL_CLINIC" -> '1';
                case "DENTAL_CLINIC" -> '3';
                default -> '4';
            };
            assertEquals(kind, r.facilityCode().charAt(2), r.facilityCode());
            assertTrue(!r.name().isBlank() && !r.name().contains(","));
            if (r.readerAppliedOn() == null) {
                assertNull(r.readersApplied());
            } else {
                int max = r.type().equals("HOSPITAL") ? 3 : 1;
                assertTrue(r.readersApplied() >= 1 && r.readersApplied() <= max, r.facilityCode());
            }
            assertInOrder(r, r.accountRegisteredOn(), r.readerAppliedOn(), r.readyOn(), r.goLiveOn(), TODAY);
        }
    }

    @Test
    void todayFacilitiesStandAtEveryStageAndManyAtTheFirstOnes() {
        Map<String, Long> stages = MASTER.stream().collect(Collectors.groupingBy(DemoMasterTest::stage,
                Collectors.counting()));
        assertEquals(Set.of("REGISTERED", "ACCOUNT_REGISTERED", "READER_APPLIED", "READY", "LIVE"), stages.keySet());
        assertTrue(stages.get("REGISTERED") > 10_000 && stages.get("ACCOUNT_REGISTERED") > 10_000, stages.toString());
    }

    @Test
    void theReadmesDemoFacilitiesAreLiveLongBeforeToday() {
        Map<String, MasterRow> byCode = MASTER.stream()
                .collect(Collectors.toMap(MasterRow::facilityCode, r -> r));
        for (String code : List.of("0110113719", "1310123458", "1330123454", "1340123452", "2710123452")) {
            MasterRow row = byCode.get(code);
            assertNotNull(row, code);
            assertTrue(row.goLiveOn().isBefore(OCT_20), code);
        }
        assertEquals("MEDICAL_CLINIC", byCode.get("0110113719").type());
        assertEquals("DENTAL_CLINIC", byCode.get("1330123454").type());
        assertEquals("PHARMACY", byCode.get("1340123452").type());
    }

    @Test
    void theCsvIsTheImportsFormatAndTheSameOnEveryRun() throws IOException {
        StringWriter out = new StringWriter();
        DemoMasterCsv.write(DemoMaster.generate().subList(0, 3), out);
        String[] lines = out.toString().split("\n");
        assertEquals("facilityCode,type,prefecture,name,accountRegisteredOn,readerAppliedOn,readersApplied,readyOn,"
                + "goLiveOn", lines[0]);
        assertEquals(4, lines.length);
        assertEquals(9, lines[1].split(",", -1).length);
        assertEquals(MASTER, DemoMaster.generate());
    }

    @Test
    void theMasterSplitsIntoImportsOfBoundedSizeEachWithTheHeader(@TempDir Path directory) throws IOException {
        List<Path> files = DemoMasterCsv.split(MASTER, 50_000, directory);
        assertEquals(5, files.size());
        long rows = 0;
        for (Path file : files) {
            List<String> lines = Files.readAllLines(file);
            assertEquals(MasterRow.CSV_HEADER, lines.get(0));
            assertTrue(Files.size(file) < 10_000_000);
            rows += lines.size() - 1;
        }
        assertEquals(229_202, rows);
    }

    private static void assertInOrder(MasterRow r, LocalDate... dates) {
        LocalDate previous = null;
        boolean ended = false;
        for (LocalDate date : dates) {
            if (date == null) {
                ended = true;
                continue;
            }
            assertTrue(!ended || date == TODAY, "no step after a missing one: " + r.facilityCode());
            assertTrue(previous == null || !date.isBefore(previous), "dates in order: " + r.facilityCode());
            previous = date;
        }
    }

    private static String stage(MasterRow r) {
        if (onOrBefore(r.goLiveOn(), TODAY)) {
            return "LIVE";
        }
        if (r.readyOn() != null) {
            return "READY";
        }
        if (r.readerAppliedOn() != null) {
            return "READER_APPLIED";
        }
        return r.accountRegisteredOn() != null ? "ACCOUNT_REGISTERED" : "REGISTERED";
    }

    private static boolean ready(MasterRow r, LocalDate asOf) {
        return onOrBefore(r.readyOn(), asOf) || onOrBefore(r.goLiveOn(), asOf);
    }

    private static boolean onOrBefore(LocalDate date, LocalDate asOf) {
        return date != null && !date.isAfter(asOf);
    }

    private static List<Integer> perType(Predicate<MasterRow> counted) {
        return DemoMaster.FIGURES.stream().map(f -> (int) MASTER.stream()
                .filter(r -> r.type().equals(f.type()) && counted.test(r)).count()).toList();
    }
}
