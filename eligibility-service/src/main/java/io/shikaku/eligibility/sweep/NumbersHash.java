package io.shikaku.eligibility.sweep;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import org.jboss.logging.Logger;

import io.quarkus.runtime.LaunchMode;
import io.quarkus.runtime.Startup;

/**
 * The keyed hash under which sweeps keep a card's numbers, never in clear (README "Sweeps"): HMAC-SHA256 under
 * {@code shikaku.sweep.numbers-key} ({@code SHIKAKU_SWEEP_NUMBERS_KEY}) of the insurer number, symbol, number and
 * branch as the lookup matches them (symbol and number as their keys: full width and spaces folded), each
 * length-prefixed. Card numbers are few enough to be tried one by one, so without the key the hash would give them
 * away: production sets a secret of its own (a warning says so at start otherwise).
 */
@Startup
@Singleton
public class NumbersHash {

    /** The fixed key of development, tests and the demo; never for production. */
    public static final String DEVELOPMENT_KEY = "shikaku-development-sweep-numbers-key-not-for-production";

    private static final Logger LOG = Logger.getLogger(NumbersHash.class);
    private static final String ALGORITHM = "HmacSHA256";
    private static final int MINIMUM_KEY_BYTES = 32;

    private final Mac prototype;

    @Inject
    NumbersHash(SweepSettings settings) {
        this(settings.numbersKey(), LaunchMode.current());
    }

    NumbersHash(String key, LaunchMode mode) {
        byte[] bytes = key.getBytes(StandardCharsets.UTF_8);
        if (bytes.length < MINIMUM_KEY_BYTES) {
            throw new IllegalStateException("shikaku.sweep.numbers-key (SHIKAKU_SWEEP_NUMBERS_KEY) must hold at least "
                    + MINIMUM_KEY_BYTES + " bytes");
        }
        if (mode == LaunchMode.NORMAL && DEVELOPMENT_KEY.equals(key)) {
            LOG.warn("shikaku.sweep.numbers-key is the development key: production must set SHIKAKU_SWEEP_NUMBERS_KEY"
                    + " to a secret of its own, or the sweeps' hashes give the card numbers away");
        }
        try {
            prototype = Mac.getInstance(ALGORITHM);
            prototype.init(new SecretKeySpec(bytes, ALGORITHM));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available", e);
        }
    }

    /** The hash of one card's numbers, {@code symbolKey} and {@code numberKey} as the lookup matches them. */
    public byte[] of(String insurerNumber, String symbolKey, String numberKey, String branch) {
        ByteArrayOutputStream message = new ByteArrayOutputStream(64);
        for (String part : new String[] {insurerNumber, symbolKey, numberKey, branch}) {
            byte[] utf8 = (part == null ? "" : part).getBytes(StandardCharsets.UTF_8);
            message.write(utf8.length >>> 8);
            message.write(utf8.length);
            message.writeBytes(utf8);
        }
        try {
            return ((Mac) prototype.clone()).doFinal(message.toByteArray());
        } catch (CloneNotSupportedException e) {
            throw new IllegalStateException(e);
        }
    }
}
