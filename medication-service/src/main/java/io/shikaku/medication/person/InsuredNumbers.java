package io.shikaku.medication.person;

/**
 * The one rule, in SQL, by which a dispensing belongs to a person (DOMAIN.md §6): the individual insured number of the
 * claim (as compared) held by the person on the dispensing date, in table {@code insured_number}.
 */
public final class InsuredNumbers {

    /** Dispensing {@code d} is covered by insured number {@code n}. */
    public static final String COVERS = "n.insurer_number = d.insurer_number AND n.number_key = d.number_key"
            + " AND n.symbol_key = d.symbol_key AND n.branch = d.branch AND n.valid_from <= d.dispensed_on"
            + " AND (n.valid_until IS NULL OR n.valid_until >= d.dispensed_on)";

    private InsuredNumbers() {
    }
}
