package io.shikaku.common.event;

/**
 * Kafka headers that repeat envelope fields (CloudEvents' Kafka binding names), so that a consumer or an operator
 * can tell an event's id and type without parsing its value.
 */
public final class EventHeaders {

    public static final String ID = "ce_id";
    public static final String TYPE = "ce_type";

    private EventHeaders() {
    }
}
