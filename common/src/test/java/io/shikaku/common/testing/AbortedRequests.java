package io.shikaku.common.testing;

import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * Clients that give up, as a clinic system's timeout does: each sends a whole request, waits a few milliseconds and
 * drops the connection (every other one with a reset), without reading the answer. Plain sockets, no framework.
 */
public final class AbortedRequests {

    private static final int GIVE_UP_AFTER_MS = 12;

    private AbortedRequests() {
    }

    /** Sends {@code count} JSON POSTs to {@code path} with a bearer token, {@code parallel} at a time. */
    public static void post(String host, int port, String path, String token, String json, int count, int parallel)
            throws Exception {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        byte[] head = ("POST " + path + " HTTP/1.1\r\nHost: " + host + ":" + port + "\r\nAuthorization: Bearer " + token
                + "\r\nContent-Type: application/json\r\nContent-Length: " + body.length + "\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII);
        ExecutorService clients = Executors.newFixedThreadPool(parallel);
        try {
            List<Future<?>> sent = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                int n = i;
                sent.add(clients.submit(() -> {
                    giveUp(host, port, head, body, 1 + n % GIVE_UP_AFTER_MS, n % 2 == 0);
                    return null;
                }));
            }
            for (Future<?> each : sent) {
                each.get(30, TimeUnit.SECONDS);
            }
        } finally {
            clients.shutdownNow();
        }
    }

    private static void giveUp(String host, int port, byte[] head, byte[] body, int afterMs, boolean reset)
            throws IOException, InterruptedException {
        try (Socket socket = new Socket(host, port)) {
            OutputStream out = socket.getOutputStream();
            out.write(head);
            out.write(body);
            out.flush();
            Thread.sleep(afterMs);
            if (reset) {
                socket.setSoLinger(true, 0);
            }
        }
    }
}
