package io.shikaku.checkup.coverage;

/**
 * The one rule, in SQL, by which a checkup belongs to a person (DOMAIN.md §7): the individual insured number it was
 * sent for, held by exactly one person on the examination date in {@code insured_number} (a number held by two persons
 * at once is ambiguous: the checkup is shown to nobody until one of them no longer holds it); and the lock under which
 * {@code checkup.person_id} changes. The worker attaching new lines takes {@link #ATTACHING} (shared: workers attach
 * different batches side by side), the projection re-attaching checkups whose number changed holder {@link
 * #REATTACHING} (exclusive), both transaction-scoped, so that each statement sees the holders the other committed.
 */
public final class Coverage {

    /** Checkup {@code k} is covered by insured number {@code n}. */
    public static final String COVERS = "n.insurer_number = k.insurer_number AND n.number_key = k.number_key"
            + " AND n.symbol_key = k.symbol_key AND n.branch = k.branch AND n.valid_from <= k.examined_on"
            + " AND (n.valid_until IS NULL OR n.valid_until >= k.examined_on)";

    private static final String LOCK = "hashtext('person-attachment')";

    /** Taken by the worker before it attaches new lines: shared with other workers, exclusive of projections. */
    public static final String ATTACHING = "SELECT pg_advisory_xact_lock_shared(" + LOCK + ")";

    /** Taken by the projection before it changes who holds which number and moves checkups to match. */
    public static final String REATTACHING = "SELECT pg_advisory_xact_lock(" + LOCK + ")";

    private Coverage() {
    }
}
