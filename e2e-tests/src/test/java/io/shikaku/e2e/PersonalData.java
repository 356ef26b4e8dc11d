package io.shikaku.e2e;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * The personal data the end-to-end tests put into the suite, in one place: the demo data's My Numbers and names, the
 * names the tests send, and every My Number made in this run ({@link Fresh}). {@code PersonalDataOutOfLogsTest}
 * searches the services' logs and the run's Kafka topics for each of them (issue 13, item 5).
 */
final class PersonalData {

    /** The demo persons' My Numbers (eligibility-service {@code db/demo/V3__demo_my_number_cards.sql}). */
    static final List<String> DEMO_MY_NUMBERS = List.of("100000000013", "100000000021", "100000000048",
            "100000000056", "100000000080");

    /**
     * The names of persons that the demo data holds and the tests send (bodies of the *ThroughGatewayTest classes and
     * of the matrix' set-up), written as they were sent; the search also tries them without the space.
     */
    static final List<String> NAMES = List.of("山田 太郎", "山田 花子", "山田 一郎", "佐藤 健", "鈴木 明美", "高橋 誠",
            "田中 美咲", "服部 三郎", "鈴木 一郎", "佐藤 花子", "田中 五郎", "田中 三郎", "田中 四郎", "保留 次郎", "保留 二郎",
            "照合 四郎");

    private static final Set<String> MY_NUMBERS_OF_THIS_RUN = ConcurrentHashMap.newKeySet();

    private PersonalData() {
    }

    /** Remembers a My Number a test of this run sends, and gives it back. */
    static String used(String myNumber) {
        MY_NUMBERS_OF_THIS_RUN.add(myNumber);
        return myNumber;
    }

    /** Every My Number to look for: the demo data's and this run's. */
    static Set<String> myNumbers() {
        Set<String> all = new java.util.TreeSet<>(DEMO_MY_NUMBERS);
        all.addAll(MY_NUMBERS_OF_THIS_RUN);
        return all;
    }

    /**
     * A pattern for one My Number as it may be written: the twelve digits, or in groups of four with a space or hyphen
     * between them, and not as part of a longer number.
     */
    static Pattern myNumberPattern(String myNumber) {
        return Pattern.compile("(?<![0-9])" + myNumber.substring(0, 4) + "[ -]?" + myNumber.substring(4, 8) + "[ -]?"
                + myNumber.substring(8) + "(?![0-9])");
    }

    /** A name as sent, without its space, and each either raw or as JSON's {@code \\uXXXX} escapes. */
    static List<String> nameForms(String name) {
        String joined = name.replace(" ", "").replace("　", "");
        return List.of(name, joined, jsonEscaped(name), jsonEscaped(joined));
    }

    /** Shows where a hit is without showing it: the text around it, the hit replaced by asterisks. */
    static String masked(String text, int start, int end) {
        int from = Math.max(0, start - 40);
        int to = Math.min(text.length(), end + 40);
        return (text.substring(from, start) + "*".repeat(end - start) + text.substring(end, to)).replaceAll("\\s+",
                " ");
    }

    private static String jsonEscaped(String text) {
        StringBuilder escaped = new StringBuilder();
        text.chars().forEach(c -> escaped.append(c < 128 ? String.valueOf((char) c) : String.format("\\u%04x", c)));
        return escaped.toString();
    }
}
