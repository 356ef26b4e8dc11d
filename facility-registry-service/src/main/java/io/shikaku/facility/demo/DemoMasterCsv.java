package io.shikaku.facility.demo;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Writes the demo national master (DOMAIN.md §10) as the master import's CSV, for tests and for {@code bin/shikaku up}
 * to post to {@code POST /api/v1/facilities/imports}. A program, not part of the service: run it with
 * {@code java -cp 'facility-registry-service/target/quarkus-app/app/*:facility-registry-service/target/quarkus-app/lib/main/*'
 * io.shikaku.facility.demo.DemoMasterCsv [file]} (standard output without a file).
 */
public final class DemoMasterCsv {

    private DemoMasterCsv() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length > 0) {
            try (Writer out = Files.newBufferedWriter(Path.of(args[0]), StandardCharsets.UTF_8)) {
                write(DemoMaster.generate(), out);
            }
        } else {
            Writer out = new BufferedWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8));
            write(DemoMaster.generate(), out);
            out.flush();
        }
    }

    /** The header line and one line per row, each ended by a newline. */
    public static void write(List<MasterRow> rows, Writer out) throws IOException {
        out.write(MasterRow.CSV_HEADER);
        out.write('\n');
        for (MasterRow row : rows) {
            out.write(row.csvLine());
            out.write('\n');
        }
    }
}
