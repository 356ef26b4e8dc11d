package io.shikaku.gateway.route;

import io.vertx.core.Future;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.net.HostAndPort;
import io.vertx.core.net.SocketAddress;
import io.vertx.httpproxy.ProxyContext;
import io.vertx.httpproxy.ProxyInterceptor;
import io.vertx.httpproxy.ProxyRequest;
import io.vertx.httpproxy.ProxyResponse;

/** Tells the service who called and how: {@code X-Forwarded-For}, {@code -Proto} and {@code -Host}. */
final class ForwardedHeadersInterceptor implements ProxyInterceptor {

    static final String FORWARDED_FOR = "X-Forwarded-For";
    static final String FORWARDED_PROTO = "X-Forwarded-Proto";
    static final String FORWARDED_HOST = "X-Forwarded-Host";

    @Override
    public Future<ProxyResponse> handleProxyRequest(ProxyContext context) {
        ProxyRequest request = context.request();
        HttpServerRequest incoming = request.proxiedRequest();
        SocketAddress remote = incoming.remoteAddress();
        if (remote != null && remote.hostAddress() != null) {
            String earlier = request.headers().get(FORWARDED_FOR);
            request.putHeader(FORWARDED_FOR,
                    earlier == null ? remote.hostAddress() : earlier + ", " + remote.hostAddress());
        }
        request.putHeader(FORWARDED_PROTO, incoming.scheme() == null ? "http" : incoming.scheme());
        HostAndPort authority = incoming.authority();
        if (authority != null) {
            request.putHeader(FORWARDED_HOST, authority.toString());
        }
        return context.sendRequest();
    }
}
