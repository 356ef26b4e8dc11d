package io.shikaku.common.identifier;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class CardNumbersTest {

    @Test
    void fullWidthDigitsAndSpacesCompareEqualToTheirPlainForm() {
        assertEquals("1234", CardNumbers.key("１２ ３４"));
        assertEquals("新宿777", CardNumbers.key("新宿　７７７"));
        assertEquals("ア", CardNumbers.key("ｱ"), "half-width kana become full-width");
        assertEquals("", CardNumbers.key(null));
    }
}
