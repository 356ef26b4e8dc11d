package io.shikaku.common.inbox;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;

import io.shikaku.common.problem.ProblemException;

/**
 * Describes why an event was parked without repeating any of its content: exception messages may quote the payload
 * (a JSON parser shows the token it choked on), so only exception types, a parse location and problem codes are kept.
 */
final class ErrorText {

    private static final int MAX_CAUSES = 5;

    private ErrorText() {
    }

    static String of(Throwable failure) {
        StringBuilder text = new StringBuilder();
        Throwable t = failure;
        for (int i = 0; t != null && i < MAX_CAUSES; i++, t = t.getCause()) {
            if (i > 0) {
                text.append(" caused by ");
            }
            text.append(t.getClass().getName());
            if (t instanceof JsonProcessingException json && json.getLocation() != null) {
                JsonLocation at = json.getLocation();
                text.append(" at line ").append(at.getLineNr()).append(", column ").append(at.getColumnNr());
            } else if (t instanceof ProblemException problem) {
                text.append(' ').append(problem.problem().code());
            } else if (t instanceof UnreadableEvent unreadable) {
                text.append(": ").append(unreadable.getMessage());
            }
        }
        return text.toString();
    }
}
