package io.shikaku.gateway.security;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * The gateway's verified-token cache is common's, line for line: the gateway cannot depend on common (it would bring
 * the services' database and Kafka along), so it carries a copy, and this keeps the two from drifting apart. Common's
 * unit tests ({@code VerifiedTokensTest}) cover the code of both.
 */
class VerifiedTokensAreCommonsTest {

    private static final Path COMMON = Path.of("..", "common", "src", "main", "java", "io", "shikaku", "common",
            "security", "token");
    private static final Path GATEWAY = Path.of("src", "main", "java", "io", "shikaku", "gateway", "security");

    @Test
    void theGatewaysCopyIsCommonsWithItsOwnPackageName() throws IOException {
        for (String file : List.of("VerifiedTokens.java", "CachedTokenIdentityProvider.java",
                "VerifiedTokenRecorder.java")) {
            String common = Files.readString(COMMON.resolve(file)).replace("package io.shikaku.common.security.token;",
                    "package io.shikaku.gateway.security;");
            assertEquals(common, Files.readString(GATEWAY.resolve(file)), file + " differs from common's");
        }
    }
}
