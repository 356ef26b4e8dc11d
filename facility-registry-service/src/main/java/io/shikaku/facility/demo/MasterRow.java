package io.shikaku.facility.demo;

import java.time.LocalDate;

import io.shikaku.facility.master.MasterRows;

/** One facility of the demo master, in the columns of the master import (API.md, Facilities and statistics). */
public record MasterRow(String facilityCode, String type, String prefecture, String name,
        LocalDate accountRegisteredOn, LocalDate readerAppliedOn, Integer readersApplied, LocalDate readyOn,
        LocalDate goLiveOn) {

    /** The import's header line, as the import defines it. */
    public static final String CSV_HEADER = MasterRows.HEADER;

    /** This row as a line of the import (empty for a date not reached). */
    public String csvLine() {
        return String.join(",", facilityCode, type, prefecture, quoted(name), text(accountRegisteredOn),
                text(readerAppliedOn), readersApplied == null ? "" : readersApplied.toString(), text(readyOn),
                text(goLiveOn));
    }

    private static String text(LocalDate date) {
        return date == null ? "" : date.toString();
    }

    private static String quoted(String value) {
        return value.contains(",") || value.contains("\"") ? "\"" + value.replace("\"", "\"\"") + "\"" : value;
    }
}
