package io.shikaku.gateway.route;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;

/** An ordered list of routes; the first route whose pattern matches a path wins. */
public final class RouteTable {

    private final List<Route> routes;

    private RouteTable(List<Route> routes) {
        this.routes = List.copyOf(routes);
    }

    public static Builder builder() {
        return new Builder();
    }

    public Optional<Route> match(String path) {
        return routes.stream().filter(route -> route.pattern().matches(path)).findFirst();
    }

    public List<Route> routes() {
        return routes;
    }

    /** Collects routes in order. */
    public static final class Builder {
        private final List<Route> routes = new ArrayList<>();

        public Builder route(String pattern, Service service, RouteGroup group, String... roles) {
            routes.add(new Route(PathPattern.of(pattern), service, group, new LinkedHashSet<>(List.of(roles))));
            return this;
        }

        public RouteTable build() {
            return new RouteTable(routes);
        }
    }
}
