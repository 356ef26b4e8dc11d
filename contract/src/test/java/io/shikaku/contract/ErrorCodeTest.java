package io.shikaku.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

class ErrorCodeTest {

    @Test
    void theCodesAreExactlyThoseOfTheApiContract() throws IOException {
        Path api = Path.of(System.getProperty("shikaku.root", "..")).resolve("../shared/API.md").normalize();
        String text = Files.readString(api);
        String section = text.substring(text.indexOf("## Error codes"));
        Set<String> documented = new TreeSet<>();
        Matcher code = Pattern.compile("`([A-Z][A-Z_]+)`").matcher(section);
        while (code.find()) {
            documented.add(code.group(1));
        }
        Set<String> declared = Arrays.stream(ErrorCode.values()).map(Enum::name)
                .collect(Collectors.toCollection(TreeSet::new));
        assertEquals(documented, declared);
    }

    @Test
    void theStatusesAreThoseTheContractNames() {
        assertEquals(503, ErrorCode.UNAVAILABLE.status());
        assertEquals(504, ErrorCode.TIMEOUT.status());
        assertEquals(405, ErrorCode.METHOD_NOT_ALLOWED.status());
        assertEquals(415, ErrorCode.UNSUPPORTED_MEDIA_TYPE.status());
        assertEquals(403, ErrorCode.FACILITY_NOT_LIVE.status());
        assertEquals(422, ErrorCode.CARD_REVOKED.status());
        assertEquals(409, ErrorCode.INVALID_LIFECYCLE_STEP.status());
    }

    @Test
    void everyErrorStatusMapsToACodeOfItsClass() {
        for (int status = 400; status < 600; status++) {
            ErrorCode code = ErrorCode.forStatus(status);
            assertEquals(status / 100, code.status() / 100, "status " + status + " -> " + code);
        }
        assertEquals(ErrorCode.METHOD_NOT_ALLOWED, ErrorCode.forStatus(405));
        assertEquals(ErrorCode.TIMEOUT, ErrorCode.forStatus(504));
    }

    @Test
    void typesAreLowerCaseWithoutRegardToTheDefaultLocale() {
        java.util.Locale saved = java.util.Locale.getDefault();
        try {
            java.util.Locale.setDefault(java.util.Locale.forLanguageTag("tr"));
            assertEquals("urn:shikaku:problem:invalid-lifecycle-step", ErrorCode.INVALID_LIFECYCLE_STEP.type());
        } finally {
            java.util.Locale.setDefault(saved);
        }
    }

    @Test
    void aValidationProblemNamesItsFields() {
        Problem problem = Problem.invalidField("insurerNumber", "bad check digit");
        assertEquals("VALIDATION_FAILED", problem.code());
        assertEquals(400, problem.status());
        assertEquals("insurerNumber", problem.errors().get(0).field());
        assertTrue(Problem.of(ErrorCode.UNAVAILABLE, "down").retryable());
    }
}
