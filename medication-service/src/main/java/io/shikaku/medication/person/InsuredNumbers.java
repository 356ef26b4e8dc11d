package io.shikaku.medication.person;

/**
 * The one rule, in SQL, by which a dispensing belongs to a person (DOMAIN.md §6): the individual insured number of the
 * claim (as compared) held by the person on the dispensing date, in table {@code insured_number}; and only when exactly
 * one person holds it then (a number registered for two persons is ambiguous, as eligibility's MULTIPLE_MATCHES: the
 * dispensing stays unattached, shown to nobody, until one of them no longer holds it).
 *
 * <p>Who may change {@code dispensing.person_id}, and when: the worker's ATTACH (lines not attached yet) and the
 * projection's REATTACH (lines whose number changed holder) both decide from {@code insured_number} as their statement
 * sees it, so each takes {@link #ATTACHING} or {@link #REATTACHING} first, in its transaction. ATTACHes of different
 * batches touch different lines and may run side by side (shared lock); a REATTACH (exclusive) waits for them and they
 * for it, so every statement sees the holders the other committed: no line is left on a stale holder, and none is
 * attached twice (ATTACH touches only {@code person_id IS NULL}).
 */
public final class InsuredNumbers {

    /** The transaction-scoped advisory lock that orders attachments; any constant, the same in every replica. */
    static final String LOCK = "hashtext('person-attachment')";

    /** Taken by the worker before it attaches new lines: shared with other workers, exclusive of projections. */
    public static final String ATTACHING = "SELECT pg_advisory_xact_lock_shared(" + LOCK + ")";

    /** Taken by the projection before it changes who holds which number and moves lines to match. */
    public static final String REATTACHING = "SELECT pg_advisory_xact_lock(" + LOCK + ")";

    /** Dispensing {@code d} is covered by insured number {@code n}. */
    public static final String COVERS = "n.insurer_number = d.insurer_number AND n.number_key = d.number_key"
            + " AND n.symbol_key = d.symbol_key AND n.branch = d.branch AND n.valid_from <= d.dispensed_on"
            + " AND (n.valid_until IS NULL OR n.valid_until >= d.dispensed_on)";

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
