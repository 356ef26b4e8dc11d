package io.shikaku.common.access;

import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.Optional;

import io.shikaku.contract.DomainRule;

/**
 * Who may see a person's medication or checkups (DOMAIN.md §4, §5, §8): a facility sees data of a kind only with a
 * grant of that facility for that kind that has not expired (live while now is before its expiry, so gone at exactly
 * 24 hours for a consent), and nobody sees a person whose My Number linkage is in doubt (viewing suspended), whatever
 * the grants. Of several grants that allow it, the one lasting longest is the basis.
 */
@DomainRule
public final class AccessRule {

    private AccessRule() {
    }

    /** The grant that allows the view, or empty: the caller then answers as for a person that does not exist. */
    public static Optional<Grant> allowing(boolean viewingSuspended, Collection<Grant> grants, AccessKind kind,
            Instant now) {
        if (viewingSuspended) {
            return Optional.empty();
        }
        return grants.stream()
                .filter(g -> g.covers(kind) && now.isBefore(g.expiresAt()))
                .max(Comparator.comparing(Grant::expiresAt));
    }
}
