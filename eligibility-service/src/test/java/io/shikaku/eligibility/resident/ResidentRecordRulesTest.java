package io.shikaku.eligibility.resident;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

class ResidentRecordRulesTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 22);

    @Test
    void aCompleteRecordWithACorrectCheckDigitHasNoViolation() {
        assertTrue(ResidentRecordRules.violations(record("123456789018", "MALE", TODAY), TODAY).isEmpty());
    }

    @Test
    void eachBadFieldIsNamedAndNoMessageHoldsTheNumber() {
        List<ResidentRecordRules.Violation> found = ResidentRecordRules.violations(
                new ResidentRecord("123456789017", " ", null, "OTHER", TODAY.plusDays(1), null), TODAY);
        assertEquals(List.of("myNumber", "name", "nameKana", "sex", "birthDate", "address"),
                found.stream().map(ResidentRecordRules.Violation::field).toList());
        assertTrue(found.stream().noneMatch(v -> v.message().contains("123456789017")));
    }

    private static ResidentRecord record(String myNumber, String sex, LocalDate born) {
        return new ResidentRecord(myNumber, "山田 太郎", "ヤマダ タロウ", sex, born, "東京都千代田区霞が関1-2-2");
    }
}
