package io.shikaku.facility.stats;

/** Checks by method, live facilities and record views of one group, as the usage SQL aggregate returns them. */
record UsageCounts(long myNumberCard, long insuranceCard, long bulk, long liveFacilities, long medicationViews,
        long checkupViews) {

    static final UsageCounts NONE = new UsageCounts(0, 0, 0, 0, 0, 0);

    UsageCounts plus(UsageCounts o) {
        return new UsageCounts(myNumberCard + o.myNumberCard, insuranceCard + o.insuranceCard, bulk + o.bulk,
                liveFacilities + o.liveFacilities, medicationViews + o.medicationViews,
                checkupViews + o.checkupViews);
    }
}
