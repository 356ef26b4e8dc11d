package io.shikaku.eligibility.emergency;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.shikaku.eligibility.emergency.DisasterMatch.Candidate;
import io.shikaku.eligibility.resident.FourAttributes;

/** Whom a disaster lookup identifies (DOMAIN.md §8): partial matches of insurer name or address, exactly one person. */
class DisasterMatchTest {

    private static final Candidate NAKANO = new Candidate(UUID.randomUUID(), false, "1-1 Saginomiya, Nakano, Tokyo",
            List.of("Alpha Health Insurance Society, Beta branch"));

    @Test
    void thePersonsAddressMatchesByAnyPartOfIt() {
        assertTrue(DisasterMatch.matches(NAKANO, "Nakano"));
        assertTrue(DisasterMatch.matches(NAKANO, "Saginomiya"));
        assertTrue(DisasterMatch.matches(NAKANO, "Ｎａｋａｎｏ"));
        assertTrue(DisasterMatch.matches(NAKANO, "Saginomiya,Nakano"));
        assertFalse(DisasterMatch.matches(NAKANO, "Shinjuku"));
    }

    @Test
    void theNameOfAnInsurerOfThePersonMatchesByAnyPartOfIt() {
        assertTrue(DisasterMatch.matches(NAKANO, "Alpha"));
        assertTrue(DisasterMatch.matches(NAKANO, "Beta　branch"));
        assertFalse(DisasterMatch.matches(NAKANO, "Gamma"));
    }

    @Test
    void nothingGivenMatchesNothing() {
        assertFalse(DisasterMatch.matches(NAKANO, " \u3000"));
        assertFalse(DisasterMatch.matches(new Candidate(UUID.randomUUID(), false, null, List.of()), "Nakano"));
    }

    @Test
    void namesAreEqualWithOrWithoutTheSpaceBetweenFamilyAndGivenName() {
        assertEquals(FourAttributes.key("山田太郎"), FourAttributes.key("山田 太郎"));
        assertEquals(FourAttributes.key("山田太郎"), FourAttributes.key("山田　太郎"));
    }

    @Test
    void exactlyOneMatchingPersonIsIdentified() {
        Candidate elsewhere = new Candidate(UUID.randomUUID(), false, "Naha, Okinawa", List.of("Delta"));
        assertEquals(Optional.of(NAKANO.personId()), DisasterMatch.identify(List.of(NAKANO, elsewhere), "Nakano"));
        assertEquals(Optional.of(elsewhere.personId()), DisasterMatch.identify(List.of(NAKANO, elsewhere), "Delta"));
    }

    @Test
    void noneOrSeveralIdentifyNobody() {
        Candidate twin = new Candidate(UUID.randomUUID(), false, "2-2 Nakano, Tokyo", List.of());
        assertEquals(Optional.empty(), DisasterMatch.identify(List.of(NAKANO, twin), "Nakano"));
        assertEquals(Optional.empty(), DisasterMatch.identify(List.of(NAKANO), "Osaka"));
        assertEquals(Optional.empty(), DisasterMatch.identify(List.of(), "Nakano"));
    }

    @Test
    void aPersonWhoseLinkageIsInDoubtIsNeverIdentified() {
        Candidate suspended = new Candidate(UUID.randomUUID(), true, "1-1 Saginomiya, Nakano, Tokyo", List.of());
        assertEquals(Optional.empty(), DisasterMatch.identify(List.of(suspended), "Nakano"));
    }
}
