package io.shikaku.medication.person;

import io.shikaku.common.person.PersonProjection;

/**
 * The one rule, in SQL, by which a dispensing belongs to a person (DOMAIN.md §6): the individual insured number of the
 * claim (as compared) held by the person on the dispensing date, in table {@code insured_number}; and only when exactly
 * one person holds it then (a number registered for two persons is ambiguous, as eligibility's MULTIPLE_MATCHES: the
 * dispensing stays unattached, shown to nobody, until one of them no longer holds it).
 *
 * <p>{@code dispensing.person_id} changes only under common's advisory lock ({@link PersonProjection#ATTACHING} for
 * the worker, shared; {@link PersonProjection#REATTACHING} for the projection, exclusive), so that no line is left on
 * a holder a committed change replaced; the worker touches only lines with no person yet.
 */
public final class InsuredNumbers {

    /** Dispensing {@code d} is covered by insured number {@code n}. */
    public static final String COVERS = PersonProjection.covers("d", "dispensed_on");

    /**
     * The single holder of each dispensing {@code d} selected by {@code where}, as rows {@code (id, person_id)} of a
     * subquery to be aliased; dispensings with no holder or several are left out.
     */
    public static String singleHolders(String where) {
        return "(SELECT d.id, min(cast(n.person_id as text)) AS person_id FROM dispensing d JOIN insured_number n ON "
                + COVERS + " WHERE " + where + " GROUP BY d.id HAVING count(DISTINCT n.person_id) = 1)";
    }

    private InsuredNumbers() {
    }
}
