package io.shikaku.gateway.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A benchmark program, never a test: the gateway's CPU per authenticated request, to compare the verified-token cache
 * on and off ({@code SHIKAKU_TOKEN_CACHE_ENABLED}). It signs {@code tokens} clinic access tokens with the test kit's
 * key, sends {@code requests} requests ({@code concurrency} in flight, each with one of the tokens in turn) and reads the
 * gateway process's CPU time from {@code /proc}; the path is answered by the gateway itself after the token and before
 * any service ({@code /api/v1/eligibility/...} with no service listening gives a fast 503, an unknown path a 404). After
 * {@code ./mvnw -pl api-gateway -am verify}, with a gateway of its own on a free port (never the suite's):
 *
 * <pre>
 * KEY=$(grep -v -- ----- common/src/test/resources/shikaku-test-keys/public-key.pem | tr -d '\n')
 * SHIKAKU_TOKEN_CACHE_ENABLED=true java -Dquarkus.http.port=18080 -Dquarkus.oidc.auth-server-url= \
 *     -Dquarkus.oidc.public-key=$KEY -Dquarkus.oidc.token.issuer=https://issuer.test/realms/shikaku \
 *     -Dshikaku.gateway.downstream.eligibility=http://localhost:1 \
 *     -jar api-gateway/target/quarkus-app/quarkus-run.jar &gt; /tmp/gateway.log &amp;
 * java -cp api-gateway/target/test-classes io.shikaku.gateway.bench.TokenCacheBenchmark \
 *     http://localhost:18080/api/v1/unrouted $! 100 20000 40000 16 \
 *     common/src/test/resources/shikaku-test-keys/private-key.pem
 * </pre>
 */
public final class TokenCacheBenchmark {

    private static final long CLOCK_TICKS_PER_SECOND = 100;

    private TokenCacheBenchmark() {
    }

    /** Arguments: URL, gateway pid, tokens, warm-up requests, measured requests, concurrency, private key (PEM). */
    public static void main(String[] args) throws Exception {
        URI uri = URI.create(args[0]);
        long pid = Long.parseLong(args[1]);
        int tokenCount = Integer.parseInt(args[2]);
        int warmUp = Integer.parseInt(args[3]);
        int measured = Integer.parseInt(args[4]);
        int concurrency = Integer.parseInt(args[5]);
        PrivateKey key = privateKey(Path.of(args[6]));
        List<String> tokens = new ArrayList<>();
        for (int i = 0; i < tokenCount; i++) {
            tokens.add(sign(key, "bench-clinic-" + i));
        }
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
        run(client, uri, tokens, warmUp, concurrency);
        long cpuBefore = cpuTicks(pid);
        long start = System.nanoTime();
        Map<Integer, Integer> statuses = run(client, uri, tokens, measured, concurrency);
        double seconds = (System.nanoTime() - start) / 1e9;
        long cpuTicks = cpuTicks(pid) - cpuBefore;
        double cpuMs = cpuTicks * 1000.0 / CLOCK_TICKS_PER_SECOND;
        System.out.printf("requests %d in %.1f s (%.0f/s), statuses %s; gateway CPU %.0f ms = %.3f ms per request%n",
                measured, seconds, measured / seconds, statuses, cpuMs, cpuMs / measured);
    }

    private static Map<Integer, Integer> run(HttpClient client, URI uri, List<String> tokens, int requests,
            int concurrency) throws InterruptedException {
        Semaphore inFlight = new Semaphore(concurrency);
        Map<Integer, Integer> statuses = new ConcurrentHashMap<>();
        AtomicInteger failures = new AtomicInteger();
        List<CompletableFuture<?>> pending = new ArrayList<>();
        for (int i = 0; i < requests; i++) {
            inFlight.acquire();
            HttpRequest request = HttpRequest.newBuilder(uri).header("Authorization", "Bearer " + tokens.get(
                    i % tokens.size())).timeout(Duration.ofSeconds(30)).GET().build();
            pending.add(client.sendAsync(request, HttpResponse.BodyHandlers.discarding()).whenComplete((r, e) -> {
                if (e != null) {
                    failures.incrementAndGet();
                } else {
                    statuses.merge(r.statusCode(), 1, Integer::sum);
                }
                inFlight.release();
            }));
            if (pending.size() > 10_000) {
                pending.removeIf(CompletableFuture::isDone);
            }
        }
        CompletableFuture.allOf(pending.toArray(CompletableFuture[]::new)).exceptionally(e -> null).join();
        Map<Integer, Integer> sorted = new TreeMap<>(statuses);
        if (failures.get() > 0) {
            sorted.put(-1, failures.get());
        }
        return sorted;
    }

    /** User and system CPU time of the process, in clock ticks (fields 14 and 15 of /proc/pid/stat). */
    private static long cpuTicks(long pid) throws Exception {
        String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
    }

    private static String sign(PrivateKey key, String subject) throws Exception {
        long now = Instant.now().getEpochSecond();
        String header = "{\"alg\":\"RS256\",\"typ\":\"JWT\"}";
        String claims = "{\"iss\":\"https://issuer.test/realms/shikaku\",\"sub\":\"" + subject
                + "\",\"aud\":[\"shikaku-api\",\"account\"],\"typ\":\"Bearer\",\"iat\":" + now + ",\"exp\":"
                + (now + 3600) + ",\"realm_access\":{\"roles\":[\"clinic\"]},\"facility_code\":\"0110113719\","
                + "\"scope\":\"profile email\"}";
        String input = base64(header) + "." + base64(claims);
        Signature rsa = Signature.getInstance("SHA256withRSA");
        rsa.initSign(key);
        rsa.update(input.getBytes(StandardCharsets.US_ASCII));
        return input + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(rsa.sign());
    }

    private static String base64(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    private static PrivateKey privateKey(Path pem) throws Exception {
        String base64 = Files.readString(pem).replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(
                base64)));
    }
}
