package io.shikaku.gateway.ratelimit;

import org.eclipse.microprofile.jwt.JsonWebToken;

import io.quarkus.security.identity.SecurityIdentity;

/**
 * Who a request counts against: the client the token was issued to ({@code azp}) and its subject. A clinic system's
 * client-credentials token has one subject per client, so this is the client; people signing in through one shared
 * client (the portal's) each get their own budget rather than sharing the whole portal's. Without {@code azp}, the
 * subject alone.
 */
public final class Callers {

    private Callers() {
    }

    public static String of(SecurityIdentity identity) {
        if (identity.getPrincipal() instanceof JsonWebToken token) {
            Object azp = token.getClaim("azp");
            return (azp == null ? "" : azp.toString()) + ' ' + token.getSubject();
        }
        return " " + identity.getPrincipal().getName();
    }
}
