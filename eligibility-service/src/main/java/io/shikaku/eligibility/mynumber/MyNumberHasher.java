package io.shikaku.eligibility.mynumber;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.quarkus.runtime.LaunchMode;
import io.quarkus.runtime.Startup;

/**
 * My Numbers are matched by a keyed hash, never kept in plain text (DOMAIN.md §3): HMAC-SHA256 under
 * {@code shikaku.my-number.hash-key} ({@code SHIKAKU_MY_NUMBER_HASH_KEY}). Production has no default: the service
 * refuses to start without a key, with one shorter than 32 bytes, or with the development key (which only the dev and
 * test profiles and the demo, {@code SHIKAKU_DEMO_DATA=true}, use).
 */
@Startup
@Singleton
public class MyNumberHasher {

    /** The fixed key of the dev and test profiles and of the demo ({@code SHIKAKU_DEMO_DATA=true}); never for production. */
    public static final String DEVELOPMENT_KEY = "shikaku-development-my-number-hash-key-not-for-production";

    private static final String ALGORITHM = "HmacSHA256";
    private static final int MINIMUM_KEY_BYTES = 32;

    private final Mac prototype;

    @Inject
    MyNumberHasher(@ConfigProperty(name = "shikaku.my-number.hash-key") Optional<String> key,
            @ConfigProperty(name = "shikaku.demo-data.enabled", defaultValue = "false") boolean demo) {
        this(key.orElse(demo ? DEVELOPMENT_KEY : null), LaunchMode.current(), demo);
    }

    MyNumberHasher(String key, LaunchMode mode, boolean demo) {
        if (key == null) {
            throw new IllegalStateException("shikaku.my-number.hash-key is not set: production must set"
                    + " SHIKAKU_MY_NUMBER_HASH_KEY to a secret of at least " + MINIMUM_KEY_BYTES + " bytes");
        }
        byte[] bytes = key.getBytes(StandardCharsets.UTF_8);
        if (bytes.length < MINIMUM_KEY_BYTES) {
            throw new IllegalStateException("shikaku.my-number.hash-key (SHIKAKU_MY_NUMBER_HASH_KEY) must hold at"
                    + " least " + MINIMUM_KEY_BYTES + " bytes");
        }
        if (mode == LaunchMode.NORMAL && !demo && DEVELOPMENT_KEY.equals(key)) {
            throw new IllegalStateException("shikaku.my-number.hash-key is the development key: production must set"
                    + " SHIKAKU_MY_NUMBER_HASH_KEY to a secret of its own");
        }
        try {
            prototype = Mac.getInstance(ALGORITHM);
            prototype.init(new SecretKeySpec(bytes, ALGORITHM));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available", e);
        }
    }

    /** The hex HMAC-SHA256 of a (validated) My Number: what is stored and matched instead of the number. */
    public String hash(String myNumber) {
        try {
            Mac mac = (Mac) prototype.clone();
            return HexFormat.of().formatHex(mac.doFinal(myNumber.getBytes(StandardCharsets.US_ASCII)));
        } catch (CloneNotSupportedException e) {
            throw new IllegalStateException(e);
        }
    }
}
