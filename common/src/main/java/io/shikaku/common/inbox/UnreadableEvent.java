package io.shikaku.common.inbox;

/** An event value that is JSON but not an envelope the consumer can read; its message names fields, never values. */
class UnreadableEvent extends RuntimeException {

    UnreadableEvent(String message, Throwable cause) {
        super(message, cause, false, false);
    }
}
