package io.shikaku.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;

/**
 * The demo national master (229,202 facilities whose figures are DOMAIN.md §10's) as the import's CSV, written by the
 * facility registry's own generator, the same one the run command uses.
 */
final class NationalMaster {

    private NationalMaster() {
    }

    static byte[] csv() throws IOException, InterruptedException {
        Path app = Suite.root().resolve("facility-registry-service/target/quarkus-app");
        String java = ProcessHandle.current().info().command().orElse("java");
        Process generator = new ProcessBuilder(java, "-cp", app.resolve("app") + "/*:" + app.resolve("lib/main") + "/*",
                "io.shikaku.facility.demo.DemoMasterCsv").redirectError(ProcessBuilder.Redirect.INHERIT).start();
        ByteArrayOutputStream csv = new ByteArrayOutputStream();
        try (InputStream out = generator.getInputStream()) {
            out.transferTo(csv);
        }
        assertEquals(0, generator.waitFor(), "the master generator failed");
        return csv.toByteArray();
    }
}
