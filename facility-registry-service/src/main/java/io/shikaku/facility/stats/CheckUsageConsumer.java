package io.shikaku.facility.stats;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

import io.shikaku.common.inbox.EventTransport;
import io.smallrye.mutiny.Uni;

/** The transport of the usage statistics: eligibility's checks, from topic {@code eligibility-checks}. */
@ApplicationScoped
public class CheckUsageConsumer {

    @Inject
    EventTransport transport;

    @Inject
    CheckUsageHandler handler;

    @Incoming("eligibility-checks")
    Uni<Void> receive(Message<String> message) {
        return transport.receive(message, handler);
    }
}
