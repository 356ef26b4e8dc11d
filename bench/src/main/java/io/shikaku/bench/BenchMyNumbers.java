package io.shikaku.bench;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import io.shikaku.common.identifier.MyNumber;

/**
 * The benchmark's My Numbers and their keyed hashes, kept apart by their first digit so that no two sets collide: the
 * card set's persons {@code 8nnnnnnnnnnC} (index in ten digits), each run's insurer batch {@code 7nnnnnnnnnnC} (run
 * base plus line); the check digit is common's {@link MyNumber}. Hashed as eligibility stores them (HMAC-SHA256, hex,
 * under {@code SHIKAKU_MY_NUMBER_HASH_KEY}, else the development key that {@code bin/shikaku up}'s demo mode uses).
 */
final class BenchMyNumbers {

    /** eligibility-service's {@code MyNumberHasher.DEVELOPMENT_KEY}: the key of the suite that bin/shikaku up starts. */
    static final String DEVELOPMENT_KEY = "shikaku-development-my-number-hash-key-not-for-production";
    static final long PER_SET = 10_000_000_000L;

    private final Mac prototype;

    BenchMyNumbers(String key) {
        try {
            prototype = Mac.getInstance("HmacSHA256");
            prototype.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The My Number of the card set's person {@code index}. */
    static String ofCardHolder(long index) {
        return of(8, index);
    }

    /** The My Number of an insurer batch's line, {@code serial} counting across runs. */
    static String ofBatchLine(long serial) {
        return of(7, serial);
    }

    static String of(int set, long serial) {
        if (serial < 0 || serial >= PER_SET) {
            throw new IllegalArgumentException("serial out of range: " + serial);
        }
        String eleven = set + String.format("%010d", serial);
        return eleven + MyNumber.checkDigit(eleven);
    }

    String hash(String myNumber) {
        try {
            Mac mac = (Mac) prototype.clone();
            return HexFormat.of().formatHex(mac.doFinal(myNumber.getBytes(StandardCharsets.US_ASCII)));
        } catch (CloneNotSupportedException e) {
            throw new IllegalStateException(e);
        }
    }
}
