package io.shikaku.common.access;

import java.time.Instant;

/**
 * One permission for one facility to view one person's data of the kinds it covers, until it expires: a consent
 * (DOMAIN.md §4) or an emergency or disaster grant (§8), as its basis says.
 */
public record Grant(AccessBasis basis, boolean medication, boolean checkup, Instant expiresAt) {

    /** Whether this grant covers data of {@code kind}. */
    public boolean covers(AccessKind kind) {
        return switch (kind) {
            case MEDICATION -> medication;
            case CHECKUP -> checkup;
            case LOOKUP -> false;
        };
    }
}
