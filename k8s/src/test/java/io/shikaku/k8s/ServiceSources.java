package io.shikaku.k8s;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * What a service module really serves and reads, taken from its sources (application.properties, common's shared
 * defaults, {@code @ConfigProperty} names): the facts the manifests must agree with.
 */
record ServiceSources(String module, String portVariable, int defaultPort, Set<String> readsEnvironment,
        Set<String> mustBeSet, Set<String> healthPaths) {

    /** The service modules a Deployment may run (each Deployment and container is named after one). */
    static final List<String> MODULES = List.of("eligibility-service", "medication-service", "checkup-service",
            "facility-registry-service", "api-gateway");

    /** Variables the image's run-java.sh reads (UBI OpenJDK runtime images), allowed in every container. */
    static final Set<String> IMAGE_VARIABLES = Set.of("JAVA_OPTS_APPEND", "JAVA_MAX_MEM_RATIO",
            "JAVA_INITIAL_MEM_RATIO", "JAVA_MAX_INITIAL_MEM", "JAVA_DEBUG", "QUARKUS_PROFILE");

    /**
     * Settings without a usable production default that the READMEs say must be set (e.g. eligibility refuses to start
     * without its My Number hash key).
     */
    static final Map<String, Set<String>> REQUIRED = Map.of("eligibility-service",
            Set.of("SHIKAKU_MY_NUMBER_HASH_KEY"));

    private static final Pattern RUNTIME_COMMON = Pattern
            .compile(
                    "<dependency>\\s*<groupId>io\\.shikaku</groupId>\\s*<artifactId>shikaku-common</artifactId>.*?</dependency>",
                    Pattern.DOTALL);
    private static final Pattern PORT = Pattern.compile("(?m)^quarkus\\.http\\.port=\\$\\{([A-Z0-9_]+):(\\d+)}");
    private static final Pattern REFERENCE = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)");
    private static final Pattern LOCALHOST_DEFAULT = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*):[^$}]*localhost");
    private static final Pattern KEY = Pattern.compile("(?m)^(?:%[\\w-]+\\.)?([a-zA-Z][\\w.\\-\"/]*)\\s*=");
    private static final Pattern CONFIG_PROPERTY = Pattern
            .compile(
                    "@ConfigProperty\\(\\s*name\\s*=\\s*\"([^\"]+)\"|@ConfigMapping\\(\\s*prefix\\s*=\\s*\"([^\"]+)\"");

    static ServiceSources of(String module) {
        Path root = Rendered.ROOT;
        Path own = root.resolve(module).resolve("src/main/resources/application.properties");
        String properties = read(own);
        boolean usesCommon = RUNTIME_COMMON.matcher(read(root.resolve(module).resolve("pom.xml"))).results()
                .anyMatch(m -> !m.group().contains("<scope>test</scope>"));
        List<String> configFiles = new ArrayList<>(List.of(properties));
        List<Path> javaRoots = new ArrayList<>(List.of(root.resolve(module).resolve("src/main/java"),
                root.resolve("token-cache/src/main/java")));
        if (usesCommon) {
            configFiles.add(read(root.resolve("common/src/main/resources/META-INF/microprofile-config.properties")));
            javaRoots.add(root.resolve("common/src/main/java"));
        }
        Matcher port = PORT.matcher(properties);
        if (!port.find()) {
            throw new AssertionError(own + " has no quarkus.http.port=${VARIABLE:port}: the test cannot know its port");
        }
        Set<String> reads = new TreeSet<>(IMAGE_VARIABLES);
        Set<String> mustBeSet = new TreeSet<>(REQUIRED.getOrDefault(module, Set.of()));
        for (String config : configFiles) {
            REFERENCE.matcher(config).results().forEach(m -> reads.add(m.group(1)));
            KEY.matcher(config).results().forEach(m -> reads.add(environmentName(m.group(1))));
            config.lines().filter(line -> !line.startsWith("%") && !line.startsWith("#"))
                    .forEach(line -> LOCALHOST_DEFAULT.matcher(line).results().forEach(m -> mustBeSet.add(m.group(1))));
        }
        for (Path javaRoot : javaRoots) {
            javaSources(javaRoot).forEach(source -> CONFIG_PROPERTY.matcher(source).results().forEach(m -> {
                if (m.group(1) != null) {
                    reads.add(environmentName(m.group(1)));
                }
            }));
        }
        Set<String> health = read(root.resolve(module).resolve("pom.xml")).contains("quarkus-smallrye-health")
                || usesCommon ? Set.of("/q/health/live", "/q/health/ready", "/q/health/started") : Set.of();
        return new ServiceSources(module, port.group(1), Integer.parseInt(port.group(2)), reads, mustBeSet, health);
    }

    /** Quarkus' environment name of a configuration property (MicroProfile Config's rule). */
    static String environmentName(String property) {
        return property.replaceAll("[^A-Za-z0-9]", "_").toUpperCase();
    }

    private static Stream<String> javaSources(Path dir) {
        if (!Files.isDirectory(dir)) {
            return Stream.empty();
        }
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(f -> f.toString().endsWith(".java")).map(ServiceSources::read).toList().stream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
