package io.shikaku.common.idempotency;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.function.Supplier;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.shikaku.common.problem.ProblemException;
import io.shikaku.contract.ErrorCode;
import io.smallrye.mutiny.Uni;

/**
 * Honours {@code Idempotency-Key} on batch endpoints (API.md): the same key and body give the same result, never a
 * second batch. The key is claimed in the request's own transaction, with the inbox's shape (a scope and a key), so a
 * failed request leaves no claim; a concurrent twin waits for the first commit and then gets its result.
 */
@ApplicationScoped
public class IdempotencyKeys {

    private static final String CLAIM = "INSERT INTO idempotency_key (scope, key, request_hash) VALUES (?1, ?2, ?3)"
            + " ON CONFLICT DO NOTHING";
    private static final String REMEMBER = "UPDATE idempotency_key SET result_ref = ?3 WHERE scope = ?1 AND key = ?2";
    /** What fits the table's key column, without spaces or control characters. */
    private static final Pattern KEY = Pattern.compile("[\\x21-\\x7E]{1,255}");

    private static final String FIRST = "SELECT request_hash, result_ref FROM idempotency_key WHERE scope = ?1"
            + " AND key = ?2";

    /**
     * Runs {@code action} for the first request with this key in this scope and remembers the reference it returns
     * (e.g. the batch id); a repeat with the same request hash gets that reference without running anything, the
     * same key with another request is {@code 409 CONFLICT}.
     */
    public Uni<String> once(String scope, String key, String requestHash, Supplier<Uni<String>> action) {
        requireValid(key);
        return Panache.withTransaction(() -> Panache.getSession().chain(session -> session.createNativeQuery(CLAIM)
                .setParameter(1, scope).setParameter(2, key).setParameter(3, requestHash).executeUpdate()
                .chain(claimed -> claimed == 1
                        ? action.get().call(result -> session.createNativeQuery(REMEMBER).setParameter(1, scope)
                                .setParameter(2, key).setParameter(3, result).executeUpdate())
                        : session.createNativeQuery(FIRST, Object[].class).setParameter(1, scope)
                                .setParameter(2, key).getSingleResult()
                                .map(first -> replay(requestHash, first)))));
    }

    /**
     * Checks an {@code Idempotency-Key} header before any work: absent ({@code null}) or 1 to 255 visible ASCII
     * characters, else {@code 400 VALIDATION_FAILED} naming the header (a longer key would not fit the table: a 500).
     */
    public static void requireValid(String key) {
        if (key != null && !KEY.matcher(key).matches()) {
            throw ProblemException.invalidField("Idempotency-Key", "1 to 255 visible ASCII characters");
        }
    }

    /** The hash of a request body, to be given to {@link #once}. */
    public static String hash(String body) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(body.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String replay(String requestHash, Object[] first) {
        if (!requestHash.equals(first[0])) {
            throw new ProblemException(ErrorCode.CONFLICT, "This Idempotency-Key was used with another request");
        }
        return (String) first[1];
    }
}
