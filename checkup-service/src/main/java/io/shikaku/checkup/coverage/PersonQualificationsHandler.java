package io.shikaku.checkup.coverage;

import jakarta.enterprise.context.ApplicationScoped;

import io.shikaku.common.person.PersonProjection;

/**
 * Checkup's projection of {@code person-qualifications} (common's {@link PersonProjection}, the coverage the worker
 * attaches lines through): after each batch of events, every checkup attached to a changed person, or kept under a
 * number a changed person held or holds, gets the single person holding its number on its examination date, or none.
 */
@ApplicationScoped
public class PersonQualificationsHandler extends PersonProjection {

    PersonQualificationsHandler() {
        super("checkup", "examined_on");
    }
}
