package io.shikaku.gateway.route;

import io.vertx.core.Handler;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.streams.ReadStream;

/**
 * A caller's request body as it is forwarded to a service, which sets the request's idle timeout by where the upload
 * stands: while the body is coming, the request may go {@code bodyIdleMillis} without a byte forwarded (a stalled
 * caller, or a service that stopped reading, does not hold the connection for ever); once its last byte has been
 * handed to the service, the service has {@code responseMillis} to start answering. A large body on a slow line thus
 * takes as long as it takes, and the response timeout is the service's alone.
 *
 * <p>
 * A body of unknown length (HTTP/2 without {@code Content-Length}) is sent chunked once its first byte comes, so that
 * a request without a body (an HTTP/2 GET) reaches the service without one.
 */
final class ForwardedBody implements ReadStream<Buffer> {

    private final ReadStream<Buffer> source;
    private final HttpClientRequest request;
    private final long bodyIdleMillis;
    private final long responseMillis;
    private boolean ended;
    private boolean paused;

    ForwardedBody(ReadStream<Buffer> source, HttpClientRequest request, long bodyIdleMillis, long responseMillis) {
        this.source = source;
        this.request = request;
        this.bodyIdleMillis = bodyIdleMillis;
        this.responseMillis = responseMillis;
    }

    /**
     * Whether the caller has stopped sending: the body has not ended although the service would take more (the
     * forwarding is not held back by a service that reads slowly).
     */
    boolean stalledByCaller() {
        return !ended && !paused;
    }

    @Override
    public ReadStream<Buffer> handler(Handler<Buffer> handler) {
        if (handler == null) {
            source.handler(null);
            return this;
        }
        source.handler(chunk -> {
            if (!request.isChunked() && !request.headers().contains(HttpHeaders.CONTENT_LENGTH)) {
                request.setChunked(true);
            }
            restartTimeout(bodyIdleMillis);
            handler.handle(chunk);
        });
        return this;
    }

    @Override
    public ReadStream<Buffer> endHandler(Handler<Void> handler) {
        if (handler == null) {
            source.endHandler(null);
            return this;
        }
        source.endHandler(ignored -> {
            ended = true;
            restartTimeout(responseMillis);
            handler.handle(null);
        });
        return this;
    }

    /**
     * Restarts the request's idle timeout, unless the service has begun answering (Vert.x stops the timeout then; one
     * started later could reset the request after its exchange is over, closing a connection back in the pool).
     */
    private void restartTimeout(long millis) {
        if (!request.response().isComplete()) {
            request.idleTimeout(millis);
        }
    }

    @Override
    public ReadStream<Buffer> exceptionHandler(Handler<Throwable> handler) {
        source.exceptionHandler(handler);
        return this;
    }

    @Override
    public ReadStream<Buffer> pause() {
        paused = true;
        source.pause();
        return this;
    }

    @Override
    public ReadStream<Buffer> resume() {
        paused = false;
        source.resume();
        return this;
    }

    @Override
    public ReadStream<Buffer> fetch(long amount) {
        if (amount > 0) {
            paused = false;
        }
        source.fetch(amount);
        return this;
    }
}
