package io.shikaku.bench;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReferenceArray;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Access tokens of the benchmark's clinic systems (client credentials), each refreshed in the background once half its
 * life has passed, so that no check of a measured step waits for Keycloak or carries an expired token.
 */
final class ClinicTokens implements AutoCloseable {

    /** A token and when it is due for refreshing. */
    private record Token(String value, long refreshAtNanos) {
    }

    private final Http http;
    private final BenchSettings settings;
    private final List<String> clientIds;
    private final AtomicReferenceArray<Token> tokens;
    private final ScheduledExecutorService refresher = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "token-refresher");
        t.setDaemon(true);
        return t;
    });

    ClinicTokens(Http http, BenchSettings settings, List<String> clientIds) throws IOException, InterruptedException {
        this.http = http;
        this.settings = settings;
        this.clientIds = List.copyOf(clientIds);
        this.tokens = new AtomicReferenceArray<>(clientIds.size());
        for (int i = 0; i < clientIds.size(); i++) {
            tokens.set(i, fetch(clientIds.get(i)));
        }
        refresher.scheduleWithFixedDelay(this::refreshDue, 5, 5, TimeUnit.SECONDS);
    }

    int size() {
        return clientIds.size();
    }

    String token(int client) {
        return tokens.get(client).value();
    }

    String clientId(int client) {
        return clientIds.get(client);
    }

    private void refreshDue() {
        for (int i = 0; i < clientIds.size(); i++) {
            if (System.nanoTime() >= tokens.get(i).refreshAtNanos()) {
                try {
                    tokens.set(i, fetch(clientIds.get(i)));
                } catch (IOException | RuntimeException e) {
                    Bench.log("  a token refresh failed (%s); the old token is kept until the next try",
                            e.getClass().getSimpleName());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    private Token fetch(String clientId) throws IOException, InterruptedException {
        JsonNode answer = http.form(settings.keycloakUrl() + "/realms/shikaku/protocol/openid-connect/token",
                Map.of("grant_type", "client_credentials", "client_id", clientId, "client_secret",
                        BenchSettings.CLIENT_SECRET))
                .expect(200).json();
        long lifeSeconds = answer.path("expires_in").asLong(300);
        return new Token(answer.get("access_token").asText(),
                System.nanoTime() + TimeUnit.SECONDS.toNanos(lifeSeconds) / 2);
    }

    @Override
    public void close() {
        refresher.shutdownNow();
    }
}
