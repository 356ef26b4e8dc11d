package io.shikaku.common.web;

import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Path;

/**
 * The methods a path answers to, for the {@code Allow} header of a 405 (RFC 9110 requires it; Quarkus REST sends
 * none): read once from the resource classes' JAX-RS annotations.
 */
@ApplicationScoped
public class AllowedMethods {

    private record Endpoint(String template, Pattern path, String method) {
    }

    private final BeanManager beans;
    private volatile List<Endpoint> endpoints;

    AllowedMethods(BeanManager beans) {
        this.beans = beans;
    }

    /** The comma-separated methods of every endpoint whose path template matches {@code path}. */
    public String forPath(String path) {
        Set<String> methods = new TreeSet<>();
        for (Endpoint endpoint : endpoints()) {
            if (endpoint.path().matcher(path).matches()) {
                methods.add(endpoint.method());
            }
        }
        return String.join(", ", methods);
    }

    /** The path template that {@code path} matches (for metrics), or the catch-all. */
    public String templateFor(String path) {
        return endpoints().stream().filter(endpoint -> endpoint.path().matcher(path).matches())
                .map(Endpoint::template).findFirst().orElse(MetricsUriLabel.UNROUTED);
    }

    private List<Endpoint> endpoints() {
        if (endpoints == null) {
            List<Endpoint> found = new ArrayList<>();
            for (Bean<?> bean : beans.getBeans(Object.class, Any.Literal.INSTANCE)) {
                Path root = bean.getBeanClass().getAnnotation(Path.class);
                if (root != null) {
                    addMethods(found, root.value(), bean.getBeanClass());
                }
            }
            endpoints = List.copyOf(found);
        }
        return endpoints;
    }

    private static void addMethods(List<Endpoint> found, String root, Class<?> resource) {
        for (Method method : resource.getMethods()) {
            for (Annotation annotation : method.getAnnotations()) {
                HttpMethod http = annotation.annotationType().getAnnotation(HttpMethod.class);
                if (http != null) {
                    Path sub = method.getAnnotation(Path.class);
                    String template = joined(root, sub == null ? "" : sub.value());
                    found.add(new Endpoint(template, pattern(template), http.value()));
                }
            }
        }
    }

    static String joined(String root, String sub) {
        String joined = ("/" + root + "/" + sub).replaceAll("/+", "/");
        return joined.length() > 1 && joined.endsWith("/") ? joined.substring(0, joined.length() - 1) : joined;
    }

    /** A path template ({@code /a/{id}/b}) as a pattern; a parameter is one segment. */
    static Pattern pattern(String template) {
        StringBuilder regex = new StringBuilder();
        for (String part : template.split("(?=\\{)|(?<=\\})")) {
            regex.append(part.startsWith("{") ? "[^/]+" : Pattern.quote(part));
        }
        return Pattern.compile(regex + "/?");
    }
}
