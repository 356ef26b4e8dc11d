package io.shikaku.facility.demo;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes the demo national master (DOMAIN.md §10) as the master import's CSV, for tests and for {@code bin/shikaku up}
 * to post to {@code POST /api/v1/facilities/imports}. A program, not part of the service: run it with
 * {@code java -cp 'facility-registry-service/target/quarkus-app/app/*:facility-registry-service/target/quarkus-app/lib/main/*'
 * io.shikaku.facility.demo.DemoMasterCsv [file]} (standard output without a file), or with {@code --split ROWS DIR}
 * as files {@code DIR/master-001.csv}, … of at most ROWS rows each, every one with the header, so that each import
 * stays below a service's body limit (Quarkus' default is 10 MB; the whole master is about 19 MB).
 */
public final class DemoMasterCsv {

    private DemoMasterCsv() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length == 3 && args[0].equals("--split")) {
            split(DemoMaster.generate(), Integer.parseInt(args[1]), Path.of(args[2]));
        } else if (args.length > 0) {
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

    /** Writes {@code rows} as numbered files of at most {@code rowsPerFile} rows each; the files written. */
    public static List<Path> split(List<MasterRow> rows, int rowsPerFile, Path directory) throws IOException {
        Files.createDirectories(directory);
        List<Path> files = new ArrayList<>();
        for (int from = 0; from < rows.size(); from += rowsPerFile) {
            Path file = directory.resolve(String.format("master-%03d.csv", files.size() + 1));
            try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                write(rows.subList(from, Math.min(rows.size(), from + rowsPerFile)), out);
            }
            files.add(file);
        }
        return files;
    }
}
