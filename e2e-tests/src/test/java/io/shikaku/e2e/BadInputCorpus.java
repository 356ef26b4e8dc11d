package io.shikaku.e2e;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Supplier;

import com.fasterxml.jackson.databind.JsonNode;

import io.shikaku.e2e.AuthorizationMatrixTest.Operation;
import io.shikaku.e2e.AuthorizationMatrixTest.Row;

/**
 * Bad input for every endpoint (issue 13, item 3), generated from the matrix (which request, by which caller, with
 * which good body) and the services' committed OpenAPI descriptions (parameters, required fields): malformed JSON,
 * wrong types, missing and extra fields, oversize strings and arrays, invalid Unicode, a body over the gateway's
 * limit, wrong content types, path parameters of the wrong shape, query parameters out of range, and an
 * {@code Idempotency-Key} used again with another body. Every answer must be a 4xx contract problem.
 */
final class BadInputCorpus {

    private static final int OVER_THE_LIMIT = 100 * 1024 * 1024;
    /** Array limits API.md gives; any other array is sent with 100,001 elements. */
    private static final Map<String, Integer> ARRAY_LIMITS = Map.of("entries", 10_000, "records", 50_000);

    private final List<Row> rows;
    private final Map<String, Supplier<String>> tokens;
    private final List<Operation> operations;
    private final Map<String, Integer> sizeByKind = new TreeMap<>();
    private final List<String> findings = new ArrayList<>();

    BadInputCorpus(List<Row> rows, Map<String, Supplier<String>> tokens, List<Operation> operations) {
        this.rows = rows;
        this.tokens = tokens;
        this.operations = operations;
    }

    List<String> run() throws IOException {
        Instant start = Instant.now();
        Map<String, String> before = accepted();
        for (Operation operation : operations) {
            Row row = rows.stream().filter(operation::matches).findFirst().orElseThrow();
            String caller = row.expected().entrySet().stream().filter(cell -> cell.getValue() != 401
                    && cell.getValue() != 403 && cell.getValue() != 404).map(Map.Entry::getKey).findFirst()
                    .orElse(null);
            if (caller == null) {
                // no caller may use it with this path (the other party's identifier): another row of it will do
                row = rows.stream().filter(operation::matches).filter(r -> r.expected().values().stream()
                        .anyMatch(s -> s < 300 || s == 409 || s == 422)).findFirst().orElseThrow();
                caller = row.expected().entrySet().stream().filter(cell -> cell.getValue() < 300
                        || cell.getValue() == 409 || cell.getValue() == 422).map(Map.Entry::getKey).findFirst()
                        .orElseThrow();
            }
            String token = tokens.get(caller).get();
            pathParameters(operation, row, token);
            queryParameters(operation, row, token);
            if (operation.spec().has("requestBody")) {
                if (AuthorizationMatrixTest.isCsv(row.body())) {
                    csvBodies(operation, row, token);
                } else {
                    jsonBodies(operation, row, token);
                }
            }
        }
        Map<String, String> after = accepted();
        before.forEach((what, was) -> {
            if (!stillThere(was, after.get(what))) {
                findings.add("changed by bad input: " + what + "\n  before: " + was + "\n  after:  " + after.get(what));
            }
        });
        int total = sizeByKind.values().stream().mapToInt(Integer::intValue).sum();
        System.out.printf("Bad-input corpus: %d requests over %d endpoints (%s), %d findings, in %d s%n", total,
                operations.size(), sizeByKind, findings.size(),
                Duration.between(start, Instant.now()).toSeconds());
        return findings;
    }

    /** What was accepted before the corpus, read again after it: nothing of it may change. */
    private Map<String, String> accepted() {
        Map<String, String> read = new LinkedHashMap<>();
        Map<String, String> ids = AuthorizationMatrixTest.IDS;
        read.put("facility A", get("POR", "/api/v1/facilities/" + ids.get("A")));
        read.put("facility A's exemption requests", get("POR", "/api/v1/facilities/" + ids.get("A")
                + "/exemption-requests"));
        read.put("the member batch", get("INS", "/api/v1/insurers/" + ids.get("INSURER") + "/member-batches/"
                + ids.get("memberBatch")));
        read.put("the checkup batch", get("INS", "/api/v1/insurers/" + ids.get("INSURER") + "/checkup-batches/"
                + ids.get("checkupBatch")));
        read.put("the dispensing batch", get("CLM", "/api/v1/claims/dispensing-batches/"
                + ids.get("dispensingBatch")));
        read.put("A's check", get("CLA", "/api/v1/eligibility/checks/" + ids.get("checkA")));
        read.put("A's bulk inquiry", get("CLA", "/api/v1/eligibility/bulk-inquiries/" + ids.get("inquiryA")));
        read.put("X's card", get("PTX", "/api/v1/card-registrations/" + ids.get("cardX")));
        read.put("X's medication to A", get("CLA", "/api/v1/persons/" + ids.get("X") + "/medications"));
        read.put("the disasters", get("MIN", "/api/v1/disasters"));
        return read;
    }

    /**
     * Whether what was read before is still there unchanged: the same answer, or for a list every item of it (a list
     * may have grown by the good bodies sent with a new Idempotency-Key, never changed).
     */
    private static boolean stillThere(String before, String after) {
        if (before.equals(after)) {
            return true;
        }
        try {
            JsonNode was = Http.JSON.readTree(before.substring(before.indexOf(' ') + 1));
            JsonNode is = Http.JSON.readTree(after.substring(after.indexOf(' ') + 1));
            JsonNode wasItems = was.isArray() ? was : was.path("requests");
            JsonNode isItems = is.isArray() ? is : is.path("requests");
            if (!wasItems.isArray() || !isItems.isArray()) {
                return false;
            }
            List<JsonNode> remaining = new ArrayList<>();
            isItems.forEach(remaining::add);
            for (JsonNode item : wasItems) {
                if (!remaining.remove(item)) {
                    return false;
                }
            }
            return true;
        } catch (IOException | StringIndexOutOfBoundsException notJson) {
            return false;
        }
    }

    private String get(String caller, String path) {
        Http.Answer answer = Http.send(Suite.gatewayUrl(), "GET", path, tokens.get(caller).get(), null, null);
        return answer.status() + " " + answer.body();
    }

    private void pathParameters(Operation operation, Row row, String token) {
        String[] template = operation.path().split("/");
        String resolved = row.resolvedPath();
        String query = resolved.contains("?") ? resolved.substring(resolved.indexOf('?')) : "";
        String[] segments = resolved.split("\\?")[0].split("/");
        for (int i = 0; i < template.length; i++) {
            if (!template[i].startsWith("{")) {
                continue;
            }
            for (String bad : List.of("not-a-valid-id", "0", "x".repeat(300), "%00", "%E3%81%82", "%FF%FE",
                    "1%20OR%201=1", "%2e%2e", "%2F")) {
                String[] changed = segments.clone();
                changed[i] = bad;
                send("path parameter", operation, token, "GET".equals(operation.method()) ? null : "application/json",
                        "GET".equals(operation.method()) ? null : goodBody(row), String.join("/", changed) + query);
            }
        }
    }

    private void queryParameters(Operation operation, Row row, String token) {
        JsonNode parameters = operation.spec().path("parameters");
        String path = row.resolvedPath().split("\\?")[0];
        for (JsonNode parameter : parameters) {
            if (!"query".equals(parameter.path("in").asText())) {
                continue;
            }
            String name = parameter.path("name").asText();
            for (String bad : badQueryValues(name, parameter.path("schema").path("type").asText())) {
                Map<String, String> query = new LinkedHashMap<>(queryOf(row.resolvedPath()));
                query.put(name, bad);
                StringBuilder url = new StringBuilder(path);
                String separator = "?";
                for (Map.Entry<String, String> entry : query.entrySet()) {
                    url.append(separator).append(entry.getKey()).append('=').append(entry.getValue());
                    separator = "&";
                }
                send("query parameter", operation, token, null, null, url.toString());
            }
        }
    }

    private static List<String> badQueryValues(String name, String type) {
        return switch (name) {
            case "page" -> List.of("-1", "abc", "99999999999");
            case "size" -> List.of("0", "-5", "abc", "100000");
            case "from", "to", "asOf", "liveAsOf" -> List.of("2026-13-45", "yesterday", "2026-02-30");
            case "projectCost" -> List.of("-1", "abc", "99999999999999999999");
            case "readers" -> List.of("-1", "0", "abc", "100000");
            case "largeChain" -> List.of("maybe");
            case "stage", "type", "basis", "status" -> List.of("NO_SUCH_VALUE", "%00");
            case "person" -> List.of("not-a-uuid");
            case "facility" -> List.of("%00", "x".repeat(300));
            case "prefecture" -> List.of("99", "x");
            case "q" -> List.of("%FF%FE");
            default -> "integer".equals(type) ? List.of("-1", "abc") : List.of("%00");
        };
    }

    private static Map<String, String> queryOf(String path) {
        Map<String, String> query = new LinkedHashMap<>();
        int start = path.indexOf('?');
        if (start >= 0) {
            for (String pair : path.substring(start + 1).split("&")) {
                String[] parts = pair.split("=", 2);
                query.put(parts[0], parts.length > 1 ? parts[1] : "");
            }
        }
        return query;
    }

    private byte[] goodBody(Row row) {
        if ("-".equals(row.body())) {
            return "{}".getBytes(StandardCharsets.UTF_8);
        }
        Object body = AuthorizationMatrixTest.body(row.body());
        try {
            return body instanceof String text
                    ? text.getBytes(StandardCharsets.UTF_8)
                    : Http.JSON.writeValueAsBytes(body);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @SuppressWarnings("unchecked")
    private void jsonBodies(Operation operation, Row row, String token) throws IOException {
        String path = row.resolvedPath();
        Map<String, Object> good = (Map<String, Object>) AuthorizationMatrixTest.body(row.body());
        for (String malformed : List.of("{\"records\": [", "{", "", "null", "[]", "\"text\"", "42", "{\"a\":1,}",
                "{'single': 'quotes'}", "{\"visitDate\": 2026-01-01}")) {
            sendJson("malformed JSON", operation, token, path, malformed.getBytes(StandardCharsets.UTF_8));
        }
        sendJson("missing field", operation, token, path, "{}".getBytes(StandardCharsets.UTF_8));
        for (String required : required(operation)) {
            Map<String, Object> missing = new LinkedHashMap<>(good);
            missing.remove(required);
            sendJson("missing field", operation, token, path, Http.JSON.writeValueAsBytes(missing));
        }
        for (Map.Entry<String, Object> field : good.entrySet()) {
            Map<String, Object> wrong = new LinkedHashMap<>(good);
            wrong.put(field.getKey(), wrongType(field.getValue()));
            sendJson("wrong type", operation, token, path, Http.JSON.writeValueAsBytes(wrong));
            if (field.getValue() instanceof String) {
                Map<String, Object> oversize = new LinkedHashMap<>(good);
                oversize.put(field.getKey(), "あ".repeat(100_000));
                sendJson("oversize string", operation, token, path, Http.JSON.writeValueAsBytes(oversize));
            }
            if (field.getValue() instanceof List<?> list && !list.isEmpty()) {
                int limit = ARRAY_LIMITS.getOrDefault(field.getKey(), 100_000);
                Map<String, Object> oversize = new LinkedHashMap<>(good);
                oversize.put(field.getKey(), Collections.nCopies(limit + 1, list.get(0)));
                sendJson("oversize array", operation, token, path, Http.JSON.writeValueAsBytes(oversize));
            }
        }
        Map<String, Object> extra = new LinkedHashMap<>(good);
        extra.put("unexpectedField", "x");
        sendJson("extra field", operation, token, path, Http.JSON.writeValueAsBytes(extra));

        byte[] serialized = Http.JSON.writeValueAsBytes(good);
        String text = new String(serialized, StandardCharsets.UTF_8);
        // a string value of the body: the first after a key
        int value = text.indexOf("\":\"");
        if (value < 0) {
            value = text.indexOf("\":[\"");
            value = value < 0 ? -1 : value + 1;
        }
        if (value >= 0) {
            int at = text.substring(0, value + 3).getBytes(StandardCharsets.UTF_8).length;
            Map<String, byte[]> invalids = new LinkedHashMap<>();
            invalids.put("invalid Unicode (C3 28)", new byte[] {(byte) 0xC3, 0x28});
            invalids.put("invalid Unicode (FF)", new byte[] {(byte) 0xFF});
            invalids.put("invalid Unicode (CESU-8 surrogate)", new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80});
            invalids.put("invalid Unicode (overlong)", new byte[] {(byte) 0xC0, (byte) 0xAF});
            for (Map.Entry<String, byte[]> invalid : invalids.entrySet()) {
                byte[] bytes = invalid.getValue();
                byte[] broken = new byte[serialized.length + bytes.length];
                System.arraycopy(serialized, 0, broken, 0, at);
                System.arraycopy(bytes, 0, broken, at, bytes.length);
                System.arraycopy(serialized, at, broken, at + bytes.length, serialized.length - at);
                sendJson(invalid.getKey().strip(), operation, token, path, broken);
            }
            String loneSurrogate = text.substring(0, value + 3) + "\\ud800" + text.substring(value + 3);
            sendJson("invalid Unicode (lone surrogate)", operation, token, path,
                    loneSurrogate.getBytes(StandardCharsets.UTF_8));
            String nul = text.substring(0, value + 3) + "\\u0000" + text.substring(value + 3);
            sendJson("invalid Unicode (NUL)", operation, token, path, nul.getBytes(StandardCharsets.UTF_8));
        }
        for (String type : List.of("text/plain", "application/xml", "application/x-www-form-urlencoded",
                "multipart/form-data; boundary=x", "text/csv")) {
            send("wrong content type " + type, operation, token, type, serialized, path);
        }
        send("no content type", operation, token, null, serialized, path);
        overTheLimit(operation, token, path);
        if (hasIdempotencyKey(operation)) {
            String key = "e2e-bad-input-" + UUID.randomUUID();
            Http.Answer first = Http.send(Suite.gatewayUrl(), operation.method(), path, token, "application/json",
                    serialized, "Idempotency-Key", key);
            if (first.status() >= 300) {
                findings.add(operation + ": the good body with a new Idempotency-Key got " + first);
            }
            Map<String, Object> another = new LinkedHashMap<>(good);
            for (Map.Entry<String, Object> field : good.entrySet()) {
                if (field.getValue() instanceof List<?> list && !list.isEmpty()) {
                    another.put(field.getKey(), List.of(list.get(0), list.get(0)));
                }
            }
            send("Idempotency-Key with another body", operation, token, "application/json",
                    Http.JSON.writeValueAsBytes(another), path, "Idempotency-Key", key);
        }
    }

    private void csvBodies(Operation operation, Row row, String token) throws IOException {
        String path = row.resolvedPath();
        String good = (String) AuthorizationMatrixTest.body(row.body());
        sendCsv(operation, token, path, "no,such,header\n1,2,3\n".getBytes(StandardCharsets.UTF_8));
        sendCsv(operation, token, path, new byte[0]);
        byte[] broken = ("facility" + "\u0000").getBytes(StandardCharsets.UTF_8);
        sendCsv(operation, token, path, concat(broken, new byte[] {(byte) 0xFF, (byte) 0xFE, 0x0A}));
        byte[] serialized = good.getBytes(StandardCharsets.UTF_8);
        sendCsv(operation, token, path, concat(serialized, new byte[] {(byte) 0xC3, 0x28, 0x0A}));
        for (String type : List.of("application/json", "text/plain", "application/xml")) {
            send("wrong content type " + type, operation, token, type, serialized, path);
        }
        send("no content type", operation, token, null, serialized, path);
        overTheLimit(operation, token, path);
    }

    private void sendCsv(Operation operation, String token, String path, byte[] body) {
        send("malformed CSV", operation, token, "text/csv; charset=UTF-8", body, path);
    }

    private void overTheLimit(Operation operation, String token, String path) throws IOException {
        URI gateway = URI.create(Suite.gatewayUrl());
        Http.Answer answer = Http.declaringBody(gateway.getHost(), gateway.getPort(), operation.method(), path, token,
                OVER_THE_LIMIT);
        count("body over the limit");
        check("body over the limit", operation, path, answer);
        if (answer.status() != 413 && answer.status() != 0) {
            findings.add(operation + " body over the limit: expected 413, got " + answer);
        }
    }

    private static byte[] concat(byte[] first, byte[] second) {
        byte[] all = new byte[first.length + second.length];
        System.arraycopy(first, 0, all, 0, first.length);
        System.arraycopy(second, 0, all, first.length, second.length);
        return all;
    }

    private void sendJson(String kind, Operation operation, String token, String path, byte[] body) {
        send(kind, operation, token, "application/json", body, path);
    }

    private void send(String kind, Operation operation, String token, String contentType, byte[] body, String path,
            String... headers) {
        String[] all = headers.length > 0
                ? headers
                : new String[] {"Idempotency-Key", "e2e-bad-input-" + UUID.randomUUID()};
        Http.Answer answer = Http.send(Suite.gatewayUrl(), operation.method(), path, token, contentType, body, all);
        count(kind);
        check(kind, operation, path, answer);
    }

    private void count(String kind) {
        String counted = kind.startsWith("wrong content type")
                ? "wrong content type"
                : kind.startsWith("invalid Unicode") ? "invalid Unicode" : kind;
        sizeByKind.merge(counted, 1, Integer::sum);
    }

    private void check(String kind, Operation operation, String path, Http.Answer answer) {
        if (answer.status() == 0) {
            return;
        }
        String notRefusal = answer.notAContractRefusal();
        if (notRefusal != null) {
            String shown = path.length() > 120 ? path.substring(0, 120) + "…" : path;
            findings.add(kind + ": " + operation.method() + " " + shown + " → " + notRefusal + ": " + answer);
        }
        if (answer.status() >= 400 && !AuthorizationMatrixTest.leaks(answer.body(), AuthorizationMatrixTest.secrets(
                AuthorizationMatrixTest.X, AuthorizationMatrixTest.Y)).isEmpty()) {
            findings.add(kind + ": " + operation + " answer carries personal data");
        }
    }

    private static boolean hasIdempotencyKey(Operation operation) {
        for (JsonNode parameter : operation.spec().path("parameters")) {
            if ("Idempotency-Key".equalsIgnoreCase(parameter.path("name").asText())) {
                return true;
            }
        }
        return false;
    }

    /** The required top-level fields of the operation's JSON body, from its schema. */
    private static List<String> required(Operation operation) {
        JsonNode schema = operation.spec().path("requestBody").path("content").path("application/json")
                .path("schema");
        String ref = schema.path("$ref").asText("");
        if (!ref.isEmpty()) {
            schema = operation.document().path("components").path("schemas").path(ref.substring(ref.lastIndexOf('/')
                    + 1));
        }
        List<String> required = new ArrayList<>();
        for (Iterator<JsonNode> names = schema.path("required").elements(); names.hasNext();) {
            required.add(names.next().asText());
        }
        return required;
    }

    private static Object wrongType(Object value) {
        if (value instanceof String) {
            return Map.of("an", "object");
        }
        if (value instanceof Number) {
            return "not a number";
        }
        if (value instanceof Boolean) {
            return "perhaps";
        }
        if (value instanceof List<?>) {
            return Map.of("not", "a list");
        }
        if (value instanceof Map<?, ?>) {
            return List.of(1, 2);
        }
        return new HashMap<>();
    }
}
