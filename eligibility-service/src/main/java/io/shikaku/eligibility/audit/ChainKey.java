package io.shikaku.eligibility.audit;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.quarkus.runtime.LaunchMode;
import io.quarkus.runtime.Startup;

/**
 * The access log's chain key (README "Access log"): entries are hashed with HMAC-SHA256 under
 * {@code shikaku.audit.chain-key} ({@code SHIKAKU_AUDIT_CHAIN_KEY}), so that someone with only database access cannot
 * compute the hashes of a forged chain. The development key in application.properties serves development, tests and the
 * demo; production sets a secret of its own (a warning says so at start otherwise) and never changes it, since every
 * entry already written is verified with it.
 */
@Startup
@Singleton
public class ChainKey {

    /** The fixed key of development, tests and the demo; never for production. */
    public static final String DEVELOPMENT_KEY = "shikaku-development-access-log-chain-key-not-for-production";

    private static final Logger LOG = Logger.getLogger(ChainKey.class);
    private static final String ALGORITHM = "HmacSHA256";
    private static final int MINIMUM_KEY_BYTES = 32;

    private final Mac prototype;
    private final AccessChain chain;

    @Inject
    ChainKey(@ConfigProperty(name = "shikaku.audit.chain-key") String key) {
        this(key, LaunchMode.current());
    }

    ChainKey(String key, LaunchMode mode) {
        byte[] bytes = key.getBytes(StandardCharsets.UTF_8);
        if (bytes.length < MINIMUM_KEY_BYTES) {
            throw new IllegalStateException("shikaku.audit.chain-key (SHIKAKU_AUDIT_CHAIN_KEY) must hold at least "
                    + MINIMUM_KEY_BYTES + " bytes");
        }
        if (mode == LaunchMode.NORMAL && DEVELOPMENT_KEY.equals(key)) {
            LOG.warn("shikaku.audit.chain-key is the development key: production must set SHIKAKU_AUDIT_CHAIN_KEY to a"
                    + " secret of its own, or anyone who reads this code can forge the access log's chain");
        }
        try {
            prototype = Mac.getInstance(ALGORITHM);
            prototype.init(new SecretKeySpec(bytes, ALGORITHM));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available", e);
        }
        chain = new AccessChain(this::mac);
    }

    /** The chain under this key. */
    public AccessChain chain() {
        return chain;
    }

    private byte[] mac(byte[] message) {
        try {
            return ((Mac) prototype.clone()).doFinal(message);
        } catch (CloneNotSupportedException e) {
            throw new IllegalStateException(e);
        }
    }
}
