package io.shikaku.gateway.limit;

import jakarta.inject.Singleton;

import io.shikaku.gateway.config.GatewayConfig;
import io.shikaku.gateway.problem.ProblemResponses;
import io.shikaku.gateway.problem.Problems;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.streams.ReadStream;
import io.vertx.httpproxy.Body;
import io.vertx.httpproxy.ProxyContext;
import io.vertx.httpproxy.ProxyInterceptor;
import io.vertx.httpproxy.ProxyRequest;
import io.vertx.httpproxy.ProxyResponse;

/**
 * Counts the body bytes as they stream to the service, so that a chunked body (which declares no length) cannot pass
 * {@code shikaku.gateway.max-body-size}: once over, the caller gets 413 (unless the service has begun answering) and
 * the request to the service is cut off.
 */
@Singleton
public class BodyLimit implements ProxyInterceptor {

    private final long maxBodyBytes;
    private final ProblemResponses responses;

    BodyLimit(GatewayConfig config, ProblemResponses responses) {
        this.maxBodyBytes = config.maxBodySize().asLongValue();
        this.responses = responses;
    }

    @Override
    public Future<ProxyResponse> handleProxyRequest(ProxyContext context) {
        ProxyRequest request = context.request();
        Body body = request.getBody();
        if (body != null) {
            HttpServerRequest incoming = request.proxiedRequest();
            request.setBody(Body.body(new Counting(body.stream(), maxBodyBytes,
                    () -> responses.send(incoming, Problems.payloadTooLarge())), body.length()));
        }
        return context.sendRequest();
    }

    /** A body stream that fails once more than {@code limit} bytes went through it. */
    static final class Counting implements ReadStream<Buffer> {

        private final ReadStream<Buffer> source;
        private final long limit;
        private final Runnable onExceeded;
        private long seen;
        private boolean exceeded;
        private Handler<Throwable> exceptionHandler;
        private Handler<Void> endHandler;

        Counting(ReadStream<Buffer> source, long limit, Runnable onExceeded) {
            this.source = source;
            this.limit = limit;
            this.onExceeded = onExceeded;
        }

        @Override
        public ReadStream<Buffer> exceptionHandler(Handler<Throwable> handler) {
            exceptionHandler = handler;
            source.exceptionHandler(handler);
            return this;
        }

        @Override
        public ReadStream<Buffer> handler(Handler<Buffer> handler) {
            if (handler == null) {
                source.handler(null);
                return this;
            }
            source.handler(chunk -> {
                if (exceeded) {
                    return;
                }
                seen += chunk.length();
                if (seen > limit) {
                    exceeded = true;
                    source.handler(null);
                    onExceeded.run();
                    if (exceptionHandler != null) {
                        exceptionHandler.handle(new BodyTooLargeException(limit));
                    }
                    return;
                }
                handler.handle(chunk);
            });
            return this;
        }

        @Override
        public ReadStream<Buffer> pause() {
            source.pause();
            return this;
        }

        @Override
        public ReadStream<Buffer> resume() {
            source.resume();
            return this;
        }

        @Override
        public ReadStream<Buffer> fetch(long amount) {
            source.fetch(amount);
            return this;
        }

        @Override
        public ReadStream<Buffer> endHandler(Handler<Void> handler) {
            endHandler = handler;
            source.endHandler(ignored -> {
                if (!exceeded && endHandler != null) {
                    endHandler.handle(null);
                }
            });
            return this;
        }
    }

    /** The failure that stops the pipe to the service. */
    static final class BodyTooLargeException extends RuntimeException {
        BodyTooLargeException(long limit) {
            super("Request body above " + limit + " bytes", null, false, false);
        }
    }
}
