package io.shikaku.facility.master;

/** The four kinds of facility (DOMAIN.md §3); hospitals and medical clinics share fee-table kind {@code 1}. */
public enum FacilityType {
    HOSPITAL('1'),
    MEDICAL_CLINIC('1'),
    DENTAL_CLINIC('3'),
    PHARMACY('4');

    private final char feeTableKind;

    FacilityType(char feeTableKind) {
        this.feeTableKind = feeTableKind;
    }

    /** The third digit of a facility code of this type. */
    public char feeTableKind() {
        return feeTableKind;
    }

    /** At most three card readers for a hospital, exactly one otherwise (DOMAIN.md §9). */
    public int maxReaders() {
        return this == HOSPITAL ? 3 : 1;
    }

    /** The type named {@code name}, or null. */
    public static FacilityType named(String name) {
        for (FacilityType type : values()) {
            if (type.name().equals(name)) {
                return type;
            }
        }
        return null;
    }
}
