package io.shikaku.medication.person;

import jakarta.enterprise.context.ApplicationScoped;

import io.shikaku.common.person.PersonProjection;

/**
 * Medication's projection of {@code person-qualifications} (common's {@link PersonProjection}): after each batch of
 * events, every dispensing attached to a changed person, or kept under a number a changed person held or holds, gets
 * the single person holding its number on its dispensing date, or none ({@link InsuredNumbers}).
 */
@ApplicationScoped
public class PersonQualificationsHandler extends PersonProjection {

    PersonQualificationsHandler() {
        super("dispensing", "dispensed_on");
    }
}
