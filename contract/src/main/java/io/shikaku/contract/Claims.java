package io.shikaku.contract;

/** The binding claims of API.md: a caller acts only within the facility, insurer or person its token names. */
public final class Claims {

    public static final String FACILITY_CODE = "facility_code";
    public static final String INSURER_NUMBER = "insurer_number";
    public static final String PERSON_ID = "person_id";
    public static final String PROFESSION = "profession";

    private Claims() {
    }
}
