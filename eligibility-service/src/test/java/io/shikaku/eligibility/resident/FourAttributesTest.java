package io.shikaku.eligibility.resident;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

class FourAttributesTest {

    private static final LocalDate BORN = LocalDate.of(1980, 4, 1);
    private static final FourAttributes REGISTRY = new FourAttributes("山田 太郎", "MALE", BORN, "東京都千代田区霞が関1-2-2");

    @Test
    void widthAndSpacesDoNotMatterInNameAndAddress() {
        assertTrue(new FourAttributes("山田　太郎", "MALE", BORN, "東京都千代田区霞が関１－２－２").agreesWith(REGISTRY));
        assertTrue(new FourAttributes(" 山田太郎 ", "MALE", BORN, "東京都 千代田区\t霞が関1-2-2").agreesWith(REGISTRY));
        assertEquals("ヤマダタロウ", FourAttributes.key("ﾔﾏﾀﾞ ﾀﾛｳ"));
    }

    @Test
    void anyOtherDifferenceInOneAttributeIsAMismatch() {
        assertFalse(new FourAttributes("山田 次郎", "MALE", BORN, REGISTRY.address()).agreesWith(REGISTRY));
        assertFalse(new FourAttributes(REGISTRY.name(), "FEMALE", BORN, REGISTRY.address()).agreesWith(REGISTRY));
        assertFalse(new FourAttributes(REGISTRY.name(), "MALE", BORN.plusDays(1), REGISTRY.address())
                .agreesWith(REGISTRY));
        assertFalse(new FourAttributes(REGISTRY.name(), "MALE", BORN, "東京都千代田区霞が関1-2-3").agreesWith(REGISTRY));
        assertFalse(REGISTRY.agreesWith(null), "no registry entry");
    }
}
