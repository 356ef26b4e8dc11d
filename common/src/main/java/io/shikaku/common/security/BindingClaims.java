package io.shikaku.common.security;

import jakarta.json.JsonString;

import org.eclipse.microprofile.jwt.JsonWebToken;

import io.quarkus.security.identity.SecurityIdentity;

/** Reads a binding claim from a verified token: only a plain string counts (an array or object never binds). */
final class BindingClaims {

    private BindingClaims() {
    }

    static String of(JsonWebToken token, String name) {
        Object value = token.getClaim(name);
        if (value instanceof String text) {
            return text;
        }
        return value instanceof JsonString json ? json.getString() : null;
    }

    static boolean matches(SecurityIdentity identity, String claim, Object pathValue) {
        if (pathValue == null || !(identity.getPrincipal() instanceof JsonWebToken token)) {
            return false;
        }
        String bound = of(token, claim);
        return bound != null && !bound.isEmpty() && bound.equals(pathValue.toString());
    }
}
