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
import io.vertx.ext.web.RoutingContext;

/**
 * Refuses, as problem documents and before authentication, what must never reach a resource: request headers larger
 * than {@code shikaku.http.max-header-size} (431; Vert.x' own, far higher limit would answer with a bare 431), a body
 * declared larger than the service takes (413), and a bearer token that is not even shaped like a signed JWT (401; such
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

    static boolean isBearerJws(String authorization) {
        return authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())
                && JWS.matcher(authorization.substring(BEARER.length()).trim()).matches();
    }
}
