package io.shikaku.common.web;

import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.shikaku.contract.ContentLength;
import io.shikaku.contract.ErrorCode;
import io.shikaku.contract.Problem;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.RoutingContext;

/**
 * Refuses, as problem documents and before authentication, what must never reach a resource: request headers larger
 * than {@code shikaku.http.max-header-size} (431; Vert.x' own, far higher limit would answer with a bare 431), a body
 * declared larger than the service takes (413), a body without a Content-Type (415), a URI whose percent-encoded bytes are not UTF-8 (400), and a bearer
 * token that is not even shaped like a signed JWT (401; such
 * a token made the OIDC layer fail with a 500 and a stack trace).
 */
@ApplicationScoped
public class EarlyRefusals {

    /** After the request id (1000), before authentication (200). */
    static final int PRIORITY = 500;
    private static final Pattern JWS = Pattern.compile("[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+");
    private static final String BEARER = "bearer ";

    private final HttpProblems problems;
    private final long maxBodyBytes;
    private final long maxHeaderBytes;

    EarlyRefusals(HttpProblems problems,
            @ConfigProperty(name = "quarkus.http.limits.max-body-size", defaultValue = "10M") MemorySize maxBodySize,
            @ConfigProperty(name = "shikaku.http.max-header-size", defaultValue = "20K") MemorySize maxHeaderSize) {
        this.problems = problems;
        this.maxBodyBytes = maxBodySize.asLongValue();
        this.maxHeaderBytes = maxHeaderSize.asLongValue();
    }

    void register(@Observes Filters filters) {
        filters.register(this::check, PRIORITY);
    }

    void check(RoutingContext ctx) {
        if (headerBytes(ctx) > maxHeaderBytes) {
            problems.send(ctx, Problem.forStatus(431, "The request headers are larger than accepted"));
            return;
        }
        if (ContentLength.declared(ctx.request().getHeader(HttpHeaders.CONTENT_LENGTH)) > maxBodyBytes) {
            problems.send(ctx, Problem.of(ErrorCode.PAYLOAD_TOO_LARGE, "The request body is larger than accepted"));
            return;
        }
        if (ctx.request().getHeader(HttpHeaders.CONTENT_TYPE) == null && hasBody(ctx)) {
            // a resource would otherwise read it as whatever it consumes
            problems.send(ctx, Problem.of(ErrorCode.UNSUPPORTED_MEDIA_TYPE, "A request body needs a Content-Type"));
            return;
        }
        if (!isUtf8(ctx.request().uri())) {
            problems.send(ctx, Problem.of(ErrorCode.VALIDATION_FAILED, "The request URI is not valid UTF-8"));
            return;
        }
        String authorization = ctx.request().getHeader(HttpHeaders.AUTHORIZATION);
        if (authorization != null && !isBearerJws(authorization)) {
            problems.send(ctx, Problem.of(ErrorCode.UNAUTHENTICATED, "A valid bearer access token is required"));
            return;
        }
        ctx.next();
    }

    private static long headerBytes(RoutingContext ctx) {
        long size = 0;
        for (var header : ctx.request().headers()) {
            size += header.getKey().length() + header.getValue().length() + 4;
        }
        return size;
    }

    /**
     * Whether the request carries a body a resource reads: POST, PUT and PATCH only. The gateway forwards a GET that
     * came over HTTP/2 with {@code Transfer-Encoding: chunked} and an empty body (the fault suite's views got 415).
     */
    private static boolean hasBody(RoutingContext ctx) {
        HttpMethod method = ctx.request().method();
        if (!HttpMethod.POST.equals(method) && !HttpMethod.PUT.equals(method) && !HttpMethod.PATCH.equals(method)) {
            return false;
        }
        String length = ctx.request().getHeader(HttpHeaders.CONTENT_LENGTH);
        return ctx.request().getHeader(HttpHeaders.TRANSFER_ENCODING) != null
                || (length != null && !length.trim().equals("0"));
    }

    /**
     * Whether the raw URI's percent-encoded bytes are UTF-8: otherwise a path or query parameter would reach the
     * resource with U+FFFD in place of the bytes, or an overlong form as the character it spells.
     */
    static boolean isUtf8(String rawUri) {
        if (rawUri == null || rawUri.indexOf('%') < 0) {
            return true;
        }
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream(rawUri.length());
        for (int i = 0; i < rawUri.length(); i++) {
            char c = rawUri.charAt(i);
            if (c == '%' && i + 2 < rawUri.length() && Character.digit(rawUri.charAt(i + 1), 16) >= 0
                    && Character.digit(rawUri.charAt(i + 2), 16) >= 0) {
                bytes.write(Character.digit(rawUri.charAt(i + 1), 16) * 16 + Character.digit(rawUri.charAt(i + 2), 16));
                i += 2;
            } else {
                bytes.writeBytes(String.valueOf(c).getBytes(java.nio.charset.StandardCharsets.UTF_8));
            }
        }
        try {
            java.nio.charset.StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(java.nio.charset.CodingErrorAction.REPORT)
                    .onUnmappableCharacter(java.nio.charset.CodingErrorAction.REPORT)
                    .decode(java.nio.ByteBuffer.wrap(bytes.toByteArray()));
            return true;
        } catch (java.nio.charset.CharacterCodingException malformed) {
            return false;
        }
    }

    static boolean isBearerJws(String authorization) {
        return authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())
                && JWS.matcher(authorization.substring(BEARER.length()).trim()).matches();
    }
}
