package io.shikaku.eligibility.mynumber;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import io.quarkus.runtime.LaunchMode;
import io.shikaku.common.identifier.MyNumber;

/** The demo linkages' hashes, written once into db/demo V3, are the development key's hashes of the listed numbers. */
class DemoMyNumbersTest {

    private static final Pattern LISTED = Pattern.compile("--\\s+…(\\d{4}) .*?(\\d{12})");
    private static final Pattern STORED = Pattern.compile("'0{8}-0{4}-4000-8000-0{8}(\\d{4})'::uuid, '([0-9a-f]{64})'");

    @Test
    void everyDemoLinkageIsTheDevelopmentKeysHashOfAValidMyNumber() throws IOException {
        String sql;
        try (InputStream in = getClass().getResourceAsStream("/db/demo/V3__demo_my_number_cards.sql")) {
            sql = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        Map<String, String> numbers = new LinkedHashMap<>();
        for (Matcher m = LISTED.matcher(sql); m.find();) {
            numbers.put(m.group(1), m.group(2));
        }
        MyNumberHasher hasher = new MyNumberHasher(MyNumberHasher.DEVELOPMENT_KEY, LaunchMode.TEST, false);
        int checked = 0;
        for (Matcher m = STORED.matcher(sql); m.find(); checked++) {
            String myNumber = numbers.get(m.group(1));
            assertTrue(MyNumber.isValid(myNumber), "person …" + m.group(1) + " has a valid listed My Number");
            assertEquals(hasher.hash(myNumber), m.group(2), "person …" + m.group(1));
        }
        assertEquals(5, checked);
    }
}
