package io.shikaku.common.access;

import java.util.List;
import java.util.UUID;

import io.smallrye.mutiny.Uni;

/**
 * Where grants come from: the extension point of the access rule. {@link ViewingAccess} asks every bean implementing
 * this and lets {@link AccessRule} decide over all their grants. Today one source exists, consents ({@link
 * ConsentGrants}), which also carries emergency and disaster grants (DOMAIN.md §8): eligibility publishes them on
 * {@code consents} with their basis.
 */
public interface GrantSource {

    /**
     * The grants this source knows of the viewer's facility for the person that may allow data of {@code kind} (live
     * or not: the rule decides); never null.
     */
    Uni<List<Grant>> grants(Viewer viewer, UUID personId, AccessKind kind);
}
