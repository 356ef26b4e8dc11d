package io.shikaku.gateway.route;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

/** The README's route table is the route table: {@link ShikakuRoutes} is the source, the README a checked copy. */
class ReadmeRouteTableTest {

    private static final String TABLE_HEADER = "| paths | service | roles (any one) | rate-limit group |";

    @Test
    void theReadmeRouteTableEqualsShikakuRoutes() throws IOException {
        List<String> lines = Files.readAllLines(Path.of("README.md"));
        int start = lines.indexOf(TABLE_HEADER);
        String readmeTable = lines.stream().skip(Math.max(start, 0))
                .takeWhile(line -> line.startsWith("|"))
                .collect(Collectors.joining("\n", "", "\n"));
        assertEquals(RouteTableMarkdown.of(ShikakuRoutes.table()), start < 0 ? "" : readmeTable,
                "api-gateway/README.md's route table differs from ShikakuRoutes; paste the expected table into it");
    }

    @Test
    void everyApiMdRouteGroupHasARouteIncludingTheAudit() {
        RouteTable table = ShikakuRoutes.table();
        assertEquals(Service.ELIGIBILITY, table.match("/api/v1/audit/access-log").orElseThrow().service());
        assertEquals(List.of("auditor"), List.copyOf(table.match("/api/v1/audit/access-log/verification")
                .orElseThrow().roles()));
    }
}
