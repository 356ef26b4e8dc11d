package io.shikaku.gateway.route;

import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * One line of the route table: which paths go to which service, its rate-limit group, and the realm roles (in their
 * declared order) of which any one is required.
 */
public record Route(PathPattern pattern, Service service, RouteGroup group, Set<String> roles) {

    public Route {
        if (roles.isEmpty()) {
            throw new IllegalArgumentException("A route needs at least one role: " + pattern);
        }
        roles = Collections.unmodifiableSet(new LinkedHashSet<>(roles));
    }

    /** Whether a caller with these roles may use the route. */
    public boolean allows(Collection<String> callerRoles) {
        return callerRoles.stream().anyMatch(roles::contains);
    }
}
