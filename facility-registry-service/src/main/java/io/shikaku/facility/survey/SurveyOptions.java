package io.shikaku.facility.survey;

/** The options of the onboarding survey (DOMAIN.md §9); stored by name in {@code survey_response}. */
public final class SurveyOptions {

    private SurveyOptions() {
    }

    /** What the facility has done so far. */
    public enum DoneStep {
        NOTHING_YET,
        EXEMPT_PAPER_CLAIMS,
        QUOTE_OBTAINED,
        READER_APPLIED,
        VENDOR_CONTRACTED,
        INSTALLATION_COMPLETE,
        LIVE
    }

    /** When it expects to go live. */
    public enum ExpectedGoLive {
        ALREADY_LIVE,
        IN_TIME_FOR_APRIL_2023,
        NOT_IN_TIME,
        EXEMPT
    }

    /** What stands in its way. */
    public enum Obstacle {
        READER_OUT_OF_STOCK,
        NO_VENDOR_FOUND,
        READER_NOT_DELIVERED,
        NO_FIBRE,
        CARRIER_WORK_LATE,
        VENDOR_WORK_LATE,
        FEW_CLAIMS,
        IT_TOO_HARD,
        CLOSING,
        VENDOR_DEMANDS_NEW_RECEIPT_COMPUTER,
        QUOTE_ABOVE_SUBSIDY
    }
}
