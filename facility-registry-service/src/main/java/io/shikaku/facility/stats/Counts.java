package io.shikaku.facility.stats;

/** Facilities of one group counted at each adoption stage as of a date, as the master's SQL aggregate returns them. */
record Counts(long facilities, long readerApplied, long ready, long live) {

    static final Counts NONE = new Counts(0, 0, 0, 0);

    Counts plus(Counts other) {
        return new Counts(facilities + other.facilities, readerApplied + other.readerApplied, ready + other.ready,
                live + other.live);
    }
}
