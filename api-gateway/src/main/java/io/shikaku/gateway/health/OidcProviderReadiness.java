package io.shikaku.gateway.health;

import java.util.Optional;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

import io.smallrye.health.api.AsyncHealthCheck;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;

/**
 * Ready only while the OIDC provider's discovery document answers, since no token can be verified without it. Unlike
 * {@code quarkus.oidc.health.enabled}, this probes the provider itself on each call, so the gateway becomes ready
 * again when the provider comes back even if no request has come in meanwhile. The services are deliberately not
 * probed: one service down must not take the whole gateway out of rotation.
 */
@Readiness
@ApplicationScoped
public class OidcProviderReadiness implements AsyncHealthCheck {

    private static final String NAME = "OIDC provider";
    private static final long TIMEOUT_MILLIS = 2_000;

    private final Optional<String> authServerUrl;
    private final HttpClient client;

    OidcProviderReadiness(Vertx vertx,
            @ConfigProperty(name = "quarkus.oidc.auth-server-url") Optional<String> authServerUrl) {
        this.authServerUrl = authServerUrl;
        this.client = vertx.createHttpClient(new HttpClientOptions()
                .setConnectTimeout((int) TIMEOUT_MILLIS)
                .setKeepAlive(false));
    }

    @Override
    public Uni<HealthCheckResponse> call() {
        if (authServerUrl.isEmpty()) {
            return Uni.createFrom().item(HealthCheckResponse.named(NAME).up()
                    .withData("verification", "configured public key").build());
        }
        String discovery = authServerUrl.get().replaceAll("/+$", "") + "/.well-known/openid-configuration";
        Future<HealthCheckResponse> check = client
                .request(new RequestOptions().setMethod(HttpMethod.GET).setAbsoluteURI(discovery)
                        .setTimeout(TIMEOUT_MILLIS))
                .compose(request -> request.send())
                .compose(response -> response.body().map(ignored -> answer(discovery, response)))
                .recover(failure -> Future.succeededFuture(HealthCheckResponse.named(NAME).down()
                        .withData("discovery", discovery)
                        .withData("error", failure.getClass().getSimpleName()).build()));
        return Uni.createFrom().completionStage(check.toCompletionStage());
    }

    private static HealthCheckResponse answer(String discovery, HttpClientResponse response) {
        HealthCheckResponseBuilder builder = HealthCheckResponse.named(NAME)
                .withData("discovery", discovery)
                .withData("status", response.statusCode());
        return (response.statusCode() == 200 ? builder.up() : builder.down()).build();
    }

    @PreDestroy
    void close() {
        client.close();
    }
}
