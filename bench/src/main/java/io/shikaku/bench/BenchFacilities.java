package io.shikaku.bench;

import java.io.IOException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import io.shikaku.common.identifier.CheckDigit;

/**
 * The benchmark's facilities, brought live through the gateway as a portal administrator would (import into the
 * master, then account, reader application, readiness and go-live today), each only as far as it has not come yet.
 */
final class BenchFacilities {

    static final ZoneId JAPAN = ZoneId.of("Asia/Tokyo");
    private static final List<String> STAGES = List.of("REGISTERED", "ACCOUNT_REGISTERED", "READER_APPLIED", "READY",
            "LIVE");

    private final Http http;
    private final BenchSettings settings;

    BenchFacilities(Http http, BenchSettings settings) {
        this.http = http;
        this.settings = settings;
    }

    /** Medical clinics in Tokyo, district 99, numbered from 0: well-formed codes that the driver derives alone. */
    static List<String> codes(int count) {
        return IntStream.range(0, count).mapToObj(i -> String.format("13199%04d", i))
                .map(first -> first + CheckDigit.of(first)).toList();
    }

    /** Brings every facility live today; returns how many steps it took (0 when all were live already). */
    int bringLive(List<String> codes) throws IOException, InterruptedException {
        String admin = portalAdminToken();
        String facilities = settings.gatewayUrl() + "/api/v1/facilities";
        List<String> missing = new ArrayList<>();
        List<String> stages = new ArrayList<>();
        for (String code : codes) {
            Http.Answer answer = http.get(facilities + "/" + code, admin).expect(200, 404);
            stages.add(answer.status() == 404 ? null : answer.json().get("stage").asText());
            if (answer.status() == 404) {
                missing.add(code);
            }
        }
        if (!missing.isEmpty()) {
            StringBuilder csv = new StringBuilder("facilityCode,type,prefecture,name,accountRegisteredOn,"
                    + "readerAppliedOn,readersApplied,readyOn,goLiveOn\n");
            missing.forEach(code -> csv.append(code).append(",MEDICAL_CLINIC,13,Bench Clinic ")
                    .append(code, 5, 9).append(",,,,,\n"));
            int imported = http.send("POST", facilities + "/imports", admin, "text/csv", csv.toString()).expect(200)
                    .json().get("imported").asInt();
            if (imported != missing.size()) {
                throw new IllegalStateException("the master took " + imported + " of " + missing.size()
                        + " benchmark facilities");
            }
        }
        String today = LocalDate.now(JAPAN).toString();
        int steps = 0;
        for (int i = 0; i < codes.size(); i++) {
            String base = facilities + "/" + codes.get(i);
            int from = stages.get(i) == null ? 0 : STAGES.indexOf(stages.get(i));
            for (int stage = from; stage < STAGES.size() - 1; stage++, steps++) {
                switch (stage) {
                    case 0 -> http.json("POST", base + "/account", admin, Map.of("registeredOn", today)).expect(200);
                    case 1 -> http.json("POST", base + "/reader-applications", admin,
                            Map.of("readers", 1, "appliedOn", today)).expect(200);
                    case 2 -> http.json("POST", base + "/readiness", admin, Map.of("readyOn", today)).expect(200);
                    default -> http.json("PUT", base + "/go-live", admin, Map.of("goLiveOn", today)).expect(200);
                }
            }
        }
        return steps;
    }

    /**
     * Waits until the eligibility service accepts a check of every clinic (its projection of live facilities), each for
     * a different person of the data set, who must be found {@code VALID}.
     */
    void awaitAccepted(ClinicTokens tokens, long persons, int seconds) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + seconds * 1_000_000_000L;
        for (int i = 0; i < tokens.size(); i++) {
            BenchCard card = BenchCard.of((persons - 1) * i / Math.max(1, tokens.size() - 1));
            String body = card.checkBody(LocalDate.now(JAPAN));
            while (true) {
                Http.Answer answer = http.send("POST", settings.eligibilityUrl() + "/api/v1/eligibility/checks",
                        tokens.token(i), "application/json", body);
                if (answer.status() == 200) {
                    String validity = answer.json().path("validity").asText();
                    if (!validity.equals("VALID")) {
                        throw new IllegalStateException("person " + card.index() + " of the data set answered "
                                + validity + ", not VALID");
                    }
                    break;
                }
                if (answer.status() != 403 || System.nanoTime() > deadline) {
                    throw new IllegalStateException(tokens.clientId(i) + " could not check: status "
                            + answer.status() + " " + answer.body());
                }
                Thread.sleep(500);
            }
        }
    }

    String portalAdminToken() throws IOException, InterruptedException {
        return http.form(settings.keycloakUrl() + "/realms/shikaku/protocol/openid-connect/token",
                Map.of("grant_type", "password", "client_id", "shikaku-demo-cli", "username", "portal-admin",
                        "password", "demo"))
                .expect(200).json().get("access_token").asText();
    }
}
