package io.shikaku.medication.drug;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class DrugCodesTest {

    @Test
    void brandsAndStrengthsOfOneIngredientShareTheFirstSevenCharacters() {
        assertEquals("1149019", DrugCodes.ingredient("1149019F1560"));
        assertEquals(DrugCodes.ingredient("1149019F1560"), DrugCodes.ingredient("1149019C1030"));
        assertFalse(DrugCodes.ingredient("1149019F1560").equals(DrugCodes.ingredient("2171022F1020")));
    }

    @Test
    void onlyNationalDrugPriceCodesAreValid() {
        assertTrue(DrugCodes.isValid("6250002D1AB4"));
        assertFalse(DrugCodes.isValid("1149019F156"));
        assertFalse(DrugCodes.isValid("1149019f1560"));
        assertFalse(DrugCodes.isValid("620000001"));
        assertFalse(DrugCodes.isValid(null));
        assertThrows(IllegalArgumentException.class, () -> DrugCodes.ingredient("bad"));
    }
}
