package io.shikaku.token;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.oidc.AccessTokenCredential;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.TokenAuthenticationRequest;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.smallrye.mutiny.Uni;

/**
 * Answers a bearer token that was verified before from {@link VerifiedTokens}, ahead of quarkus-oidc's own provider;
 * any other token (first seen, expired, forged, refused before) gets no answer here and goes on to be verified by
 * quarkus-oidc. Assumes what Shikaku configures: one OIDC tenant, bearer access tokens, no certificate or DPoP binding.
 */
@ApplicationScoped
public class CachedTokenIdentityProvider implements IdentityProvider<TokenAuthenticationRequest> {

    /** Just before quarkus-oidc's {@code OidcIdentityProvider} (the default priority, 1001). */
    static final int PRIORITY = 1002;

    private final VerifiedTokens verified;

    CachedTokenIdentityProvider(VerifiedTokens verified) {
        this.verified = verified;
    }

    @Override
    public Class<TokenAuthenticationRequest> getRequestType() {
        return TokenAuthenticationRequest.class;
    }

    @Override
    public int priority() {
        return PRIORITY;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(TokenAuthenticationRequest request,
            AuthenticationRequestContext context) {
        if (!verified.enabled() || !(request.getToken() instanceof AccessTokenCredential token)) {
            return Uni.createFrom().nullItem();
        }
        return Uni.createFrom().item(verified.find(token.getToken(),
                HttpSecurityUtils.getRoutingContextAttribute(request), context));
    }
}
