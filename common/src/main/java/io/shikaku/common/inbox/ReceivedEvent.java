package io.shikaku.common.inbox;

/** Where an event came from in Kafka: enough to find it again when it is parked. */
record ReceivedEvent(String topic, int partition, long offset, String key) {
}
