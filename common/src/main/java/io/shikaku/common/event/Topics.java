package io.shikaku.common.event;

/** The suite's Kafka topics, named once for producers and consumers alike (DESIGN.md, Events). */
public final class Topics {

    /** facility-registry → eligibility; key: facility code. */
    public static final String FACILITY_LIFECYCLE = "facility-lifecycle";
    /** eligibility → medication, checkup; key: person id. */
    public static final String PERSON_QUALIFICATIONS = "person-qualifications";
    /** eligibility → medication, checkup; key: person id. */
    public static final String CONSENTS = "consents";
    /** eligibility → facility-registry; key: facility code. */
    public static final String ELIGIBILITY_CHECKS = "eligibility-checks";
    /** medication, checkup → eligibility, facility-registry; key: person id. */
    public static final String RECORD_VIEWS = "record-views";

    private Topics() {
    }
}
