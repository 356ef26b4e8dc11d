package io.shikaku.gateway.route;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;

import org.jboss.logging.Logger;

import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpClientResponse;

/**
 * Drops a reset of a request to a service once its whole exchange is over (vert.x#6294), so that it cannot close the
 * pooled connection another request has been given since.
 *
 * <p>
 * vertx-http-proxy resets the request to the service when the caller goes away or when writing the answer to the
 * caller fails, even after the service has answered completely. On HTTP/1.1, Vert.x 4.5 then still closes the
 * connection of that request, which by then is back in the pool: a later request on it fails with
 * {@code HttpClosedException} and the gateway would answer 503. A reset that comes while the request is still being
 * sent or the answer still being received goes through (the connection must be closed then), one event-loop turn later
 * so that an answer ending in the same turn is seen first.
 */
final class LateResetGuard implements InvocationHandler {

    private static final Logger LOG = Logger.getLogger(LateResetGuard.class);

    private final HttpClientRequest request;
    private final Context context;
    private volatile boolean requestEnded;
    private volatile boolean responseEnded;

    private LateResetGuard(HttpClientRequest request, Context context) {
        this.request = request;
        this.context = context;
    }

    /** The request, guarded; resets are decided on the current Vert.x context (or at once without one). */
    static HttpClientRequest guard(HttpClientRequest request) {
        LateResetGuard guard = new LateResetGuard(request, Vertx.currentContext());
        request.response().onSuccess(guard::watchEnd);
        return (HttpClientRequest) Proxy.newProxyInstance(HttpClientRequest.class.getClassLoader(),
                new Class<?>[] {HttpClientRequest.class}, guard);
    }

    private void watchEnd(HttpClientResponse response) {
        try {
            response.end().onSuccess(ignored -> responseEnded = true);
        } catch (IllegalStateException alreadyEnded) {
            responseEnded = true;
        }
    }

    @Override
    public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
        String name = method.getName();
        if (name.equals("reset")) {
            if (context == null) {
                resetUnlessOver(method, args);
            } else {
                context.runOnContext(ignored -> resetUnlessOver(method, args));
            }
            return Boolean.TRUE;
        }
        if (name.equals("end") || name.equals("send")) {
            requestEnded = true;
        }
        Object result = call(method, args);
        return result == request ? proxy : result;
    }

    private void resetUnlessOver(Method method, Object[] args) {
        if (requestEnded && responseEnded) {
            LOG.debugf("Reset of %s %s ignored: the service has already answered it", request.getMethod(),
                    request.getURI());
            return;
        }
        try {
            call(method, args);
        } catch (Throwable failure) {
            LOG.debugf(failure, "Reset of %s %s failed", request.getMethod(), request.getURI());
        }
    }

    private Object call(Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(request, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
