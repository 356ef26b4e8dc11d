package io.shikaku.eligibility.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.shikaku.common.access.AccessBasis;
import io.shikaku.common.problem.ProblemException;
import io.shikaku.contract.Problem.FieldError;

/** The access log's query parameters: what each means, their defaults, and every malformed one named at once. */
class AccessLogQueryTest {

    private static final UUID PERSON = UUID.fromString("00000000-0000-4000-8000-000000000001");

    @Test
    void nothingGivenIsTheFirstPageOfFiftyOfEverything() {
        AccessLogQuery.Filter filter = AccessLogQuery.audit(null, "", null, null, null, null, null);
        assertEquals(new AccessLogQuery.Filter(null, null, null, null, null, 0, 50), filter);
        assertEquals(0, filter.offset());
    }

    @Test
    void everyFilterIsRead() {
        AccessLogQuery.Filter filter = AccessLogQuery.audit(PERSON.toString(), "0110113719", "DISASTER",
                "2026-11-21T01:00:00Z", "2026-11-21T12:00:00+09:00", "3", "500");
        assertEquals(PERSON, filter.person());
        assertEquals("0110113719", filter.facility());
        assertEquals(AccessBasis.DISASTER, filter.basis());
        assertEquals(Instant.parse("2026-11-21T01:00:00Z"), filter.from());
        assertEquals(1500, filter.offset());
    }

    @Test
    void anInstantBoundIsInclusiveToTheMicrosecond() {
        AccessLogQuery.Filter filter = AccessLogQuery.own(PERSON, "2026-11-21T01:00:00Z", "2026-11-21T01:00:00Z",
                null, null);
        assertEquals(Instant.parse("2026-11-21T01:00:00Z"), filter.from());
        assertEquals(Instant.parse("2026-11-21T01:00:00.000001Z"), filter.until());
    }

    @Test
    void aDayBoundIsTheWholeDayInJapan() {
        AccessLogQuery.Filter filter = AccessLogQuery.own(PERSON, "2026-11-21", "2026-11-21", null, null);
        assertEquals(Instant.parse("2026-11-20T15:00:00Z"), filter.from());
        assertEquals(Instant.parse("2026-11-21T15:00:00Z"), filter.until());
    }

    @Test
    void thePatientsQueryKeepsThePersonItIsGiven() {
        AccessLogQuery.Filter filter = AccessLogQuery.own(PERSON, null, null, "1", "10");
        assertEquals(PERSON, filter.person());
        assertNull(filter.facility());
        assertEquals(10, filter.offset());
    }

    @Test
    void everyMalformedParameterIsNamed() {
        ProblemException e = assertThrows(ProblemException.class, () -> AccessLogQuery.audit("not-a-uuid",
                "0110113718", "LOOKUP", "2026-02-30", "noon", "-1", "501"));
        assertEquals("VALIDATION_FAILED", e.problem().code());
        assertEquals(List.of("person", "facility", "basis", "from", "to", "page", "size"),
                e.problem().errors().stream().map(FieldError::field).toList());
    }

    @Test
    void sizeRunsFromOneToFiveHundredAndPageFromZero() {
        assertEquals(1, AccessLogQuery.audit(null, null, null, null, null, "0", "1").size());
        assertThrows(ProblemException.class, () -> AccessLogQuery.audit(null, null, null, null, null, null, "0"));
        assertThrows(ProblemException.class, () -> AccessLogQuery.audit(null, null, null, null, null, "x", null));
        assertThrows(ProblemException.class, () -> AccessLogQuery.audit(null, null, "consent", null, null, null, null));
    }

    @Test
    void fromMayNotBeAfterTo() {
        ProblemException e = assertThrows(ProblemException.class,
                () -> AccessLogQuery.own(PERSON, "2026-11-22", "2026-11-21", null, null));
        assertEquals("from", e.problem().errors().get(0).field());
        AccessLogQuery.own(PERSON, "2026-11-21T15:00:00Z", "2026-11-22", null, null);
    }

    @Test
    void anUpperCasePersonIdIsTheSamePersonAndAShortenedOneIsNone() {
        assertEquals(UUID.fromString("00000000-0000-4000-8000-00000000000a"), AccessLogQuery
                .audit("00000000-0000-4000-8000-00000000000A", null, null, null, null, null, null).person());
        assertThrows(ProblemException.class,
                () -> AccessLogQuery.audit("0-0-4000-8000-1", null, null, null, null, null, null));
    }
}
