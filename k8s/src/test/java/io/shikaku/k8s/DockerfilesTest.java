package io.shikaku.k8s;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The images the manifests run are built from these files (no Docker engine here, so nothing builds them in the
 * tests): each must start the Quarkus fast-jar on a pinned UBI 9 OpenJDK 17 runtime as a non-root user.
 */
class DockerfilesTest {

    private static final Pattern FROM = Pattern.compile("(?m)^FROM (\\S+)$");
    private static final Pattern USER = Pattern.compile("(?m)^USER (\\S+)$");
    private static final Pattern EXPOSE = Pattern.compile("(?m)^EXPOSE (\\d+)$");

    static List<String> modules() {
        return ServiceSources.MODULES;
    }

    @ParameterizedTest
    @MethodSource("modules")
    void theImageRunsTheFastJarOnAPinnedJava17RuntimeAsNonRoot(String module) {
        Path file = Rendered.ROOT.resolve(module).resolve("src/main/docker/Dockerfile.jvm");
        assertTrue(Files.exists(file), module + " has no src/main/docker/Dockerfile.jvm");
        String docker = ServiceSources.read(file);
        List<String> bases = FROM.matcher(docker).results().map(m -> m.group(1)).toList();
        assertEquals(1, bases.size(), module + ": one runtime stage");
        assertTrue(bases.get(0).matches("registry\\.access\\.redhat\\.com/ubi9/openjdk-17-runtime"
                + "(:\\d+\\.\\d+(-[\\w.]+)?|@sha256:[0-9a-f]{64})"), module + ": base " + bases.get(0)
                        + " is not UBI 9 OpenJDK 17 pinned to an exact tag or digest");
        for (String layer : List.of("target/quarkus-app/lib/ /deployments/lib/",
                "target/quarkus-app/*.jar /deployments/", "target/quarkus-app/app/ /deployments/app/",
                "target/quarkus-app/quarkus/ /deployments/quarkus/")) {
            assertTrue(docker.contains("COPY --chown=185 " + layer), module + ": copies " + layer);
        }
        Matcher user = USER.matcher(docker);
        String last = null;
        while (user.find()) {
            last = user.group(1);
        }
        assertTrue(last != null && last.matches("[1-9]\\d*"), module + ": runs as a numeric non-root user, not "
                + last);
        Matcher expose = EXPOSE.matcher(docker);
        assertTrue(expose.find() && Integer.parseInt(expose.group(1)) == ServiceSources.of(module).defaultPort(),
                module + ": EXPOSE is the port the service listens on");
        assertTrue(docker.contains("JAVA_OPTS_APPEND") && docker.contains("/opt/jboss/container/java/run/run-java.sh"),
                module + ": started by the image's run-java.sh, which reads JAVA_OPTS_APPEND");
    }
}
