package io.shikaku.facility.master;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

class MasterRowsTest {

    private static String code(String first9) {
        return first9 + io.shikaku.common.identifier.CheckDigit.of(first9);
    }

    private static final String HOSPITAL = code("131012345");
    private static final String PHARMACY = code("134012345");

    private static MasterRows.Verdict check(String line) {
        return MasterRows.check(MasterRows.split(line));
    }

    @Test
    void aCompleteLineIsAccepted() {
        MasterRows.Verdict verdict = check(HOSPITAL + ",HOSPITAL,13,\"Shinjuku, General\",2021-04-01,2021-05-01,3,"
                + "2021-09-01,2021-10-01");
        assertTrue(verdict.accepted(), verdict.toString());
        assertEquals("Shinjuku, General", verdict.row().name());
        assertEquals(3, verdict.row().readersApplied());
        assertEquals(LocalDate.of(2021, 10, 1), verdict.row().goLiveOn());
        assertTrue(check(PHARMACY + ",PHARMACY,13,Apteka,,,,,").accepted());
    }

    @Test
    void quotedFieldsMayHoldCommasAndDoubledQuotes() {
        assertEquals(List.of("a", "b,\"c\"", ""), MasterRows.split("a,\"b,\"\"c\"\"\","));
        assertNull(MasterRows.split("a,\"b"));
        assertNull(MasterRows.split("a,b\"c"));
    }

    @Test
    void eachBrokenRuleHasItsCode() {
        assertEquals("MALFORMED_LINE", check(HOSPITAL + ",HOSPITAL,13,\"x,,,,,").code());
        assertEquals("WRONG_FIELD_COUNT", check(HOSPITAL + ",HOSPITAL,13,x").code());
        assertEquals("INVALID_FACILITY_CODE", check("1310123450,HOSPITAL,13,x,,,,,").code());
        assertEquals("INVALID_TYPE", check(HOSPITAL + ",CLINIC,13,x,,,,,").code());
        assertEquals("TYPE_KIND_MISMATCH", check(HOSPITAL + ",PHARMACY,13,x,,,,,").code());
        assertEquals("TYPE_KIND_MISMATCH", check(PHARMACY + ",MEDICAL_CLINIC,13,x,,,,,").code());
        assertEquals("INVALID_PREFECTURE", check(HOSPITAL + ",HOSPITAL,48,x,,,,,").code());
        assertEquals("PREFECTURE_MISMATCH", check(HOSPITAL + ",HOSPITAL,14,x,,,,,").code());
        assertEquals("INVALID_NAME", check(HOSPITAL + ",HOSPITAL,13,,,,,,").code());
        assertEquals("INVALID_DATE", check(HOSPITAL + ",HOSPITAL,13,x,2021-02-30,,,,").code());
        assertEquals("INVALID_DATE", check(HOSPITAL + ",HOSPITAL,13,x,1899-12-31,,,,").code());
        assertEquals("INVALID_DATE", check(HOSPITAL + ",HOSPITAL,13,x,2021/04/01,,,,").code());
        assertEquals("MISSING_EARLIER_STEP", check(HOSPITAL + ",HOSPITAL,13,x,,2021-05-01,1,,").code());
        assertEquals("MISSING_EARLIER_STEP", check(HOSPITAL + ",HOSPITAL,13,x,2021-04-01,,,,2021-10-01").code());
        assertEquals("DATES_OUT_OF_ORDER",
                check(HOSPITAL + ",HOSPITAL,13,x,2021-04-01,2021-03-01,1,,").code());
        assertEquals("INVALID_READERS", check(HOSPITAL + ",HOSPITAL,13,x,2021-04-01,2021-05-01,4,,").code());
        assertEquals("INVALID_READERS", check(HOSPITAL + ",HOSPITAL,13,x,2021-04-01,2021-05-01,,,").code());
        assertEquals("INVALID_READERS", check(PHARMACY + ",PHARMACY,13,x,2021-04-01,2021-05-01,2,,").code());
        assertEquals("INVALID_READERS", check(PHARMACY + ",PHARMACY,13,x,2021-04-01,,1,,").code());
    }

    @Test
    void theHeaderIsRecognisedWithOrWithoutAByteOrderMark() {
        assertTrue(MasterRows.isHeader(MasterRows.HEADER));
        assertTrue(MasterRows.isHeader("\uFEFF" + MasterRows.HEADER + "\r"));
        assertEquals(false, MasterRows.isHeader("facilityCode,type"));
    }
}
