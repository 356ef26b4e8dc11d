package io.shikaku.token;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.oidc.AccessTokenCredential;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.smallrye.mutiny.Uni;

/**
 * Hands every identity that quarkus-oidc has just verified from a bearer access token to {@link VerifiedTokens}, first
 * among the augmentors, so that it is remembered as verified and not as any augmentor made it. An identity that came
 * from the cache is already there; a refused token never reaches an augmentor.
 */
@ApplicationScoped
public class VerifiedTokenRecorder implements SecurityIdentityAugmentor {

    /** Before every other augmentor, so that what they add is never remembered. */
    static final int PRIORITY = Integer.MAX_VALUE;

    private final VerifiedTokens verified;

    VerifiedTokenRecorder(VerifiedTokens verified) {
        this.verified = verified;
    }

    @Override
    public int priority() {
        return PRIORITY;
    }

    @Override
    public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context) {
        if (verified.enabled() && !identity.isAnonymous() && identity.getAttribute(VerifiedTokens.FROM_CACHE) == null) {
            AccessTokenCredential token = identity.getCredential(AccessTokenCredential.class);
            if (token != null) {
                verified.remember(token.getToken(), identity);
            }
        }
        return Uni.createFrom().item(identity);
    }
}
