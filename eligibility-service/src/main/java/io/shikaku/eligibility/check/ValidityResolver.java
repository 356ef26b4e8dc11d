package io.shikaku.eligibility.check;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import io.shikaku.contract.DomainRule;
import io.shikaku.eligibility.qualification.Qualification;

/**
 * Decides a check's validity from the qualifications the card numbers and birth date matched and, when they
 * belong to one person, that person's whole qualification history. A qualification is "newer" only when it starts
 * after the matched one; among newer ones, one in force on the visit date is preferred, then the latest. A person holds
 * one public insurance at a time: numbers still open at the insurer the person left are no longer valid once a newer
 * qualification is in force on the visit date, even before the old insurer has reported their end (DOMAIN.md §4).
 */
@DomainRule
public final class ValidityResolver {

    /** The answer: validity, the qualification to show (if any) and the person (only when exactly one matched). */
    public record Resolution(Validity validity, Qualification qualification, UUID personId) {
    }

    private static final Comparator<Qualification> BY_START = Comparator.comparing(q -> q.validFrom);

    private ValidityResolver() {
    }

    /** The distinct persons behind the matched qualifications. */
    public static Set<UUID> persons(List<Qualification> matched) {
        return matched.stream().map(q -> q.person.id).collect(Collectors.toSet());
    }

    /**
     * @param matched qualifications whose insurer number, symbol, number, branch and holder's birth date match
     * @param history every qualification of the single matched person (ignored unless exactly one matched)
     */
    public static Resolution resolve(List<Qualification> matched, List<Qualification> history, LocalDate visitDate) {
        Set<UUID> persons = persons(matched);
        if (persons.isEmpty()) {
            return new Resolution(Validity.NOT_FOUND, null, null);
        }
        if (persons.size() > 1) {
            return new Resolution(Validity.MULTIPLE_MATCHES, null, null);
        }
        UUID personId = persons.iterator().next();
        Set<UUID> matchedIds = matched.stream().map(q -> q.id).collect(Collectors.toSet());
        Optional<Qualification> inForce = latest(matched.stream().filter(q -> q.inForceOn(visitDate)).toList());
        if (inForce.isPresent()) {
            Optional<Qualification> superseding = latest(history.stream()
                    .filter(q -> !matchedIds.contains(q.id) && q.inForceOn(visitDate)
                            && q.validFrom.isAfter(inForce.get().validFrom))
                    .toList());
            return superseding.map(q -> new Resolution(Validity.INVALID_NEWER_EXISTS, q, personId))
                    .orElseGet(() -> new Resolution(Validity.VALID, inForce.get(), personId));
        }
        Qualification latestMatched = latest(matched).orElseThrow();
        List<Qualification> newer = history.stream()
                .filter(q -> !matchedIds.contains(q.id) && q.validFrom.isAfter(latestMatched.validFrom))
                .toList();
        Optional<Qualification> newest = latest(newer.stream().filter(q -> q.inForceOn(visitDate)).toList())
                .or(() -> latest(newer));
        return newest.map(q -> new Resolution(Validity.INVALID_NEWER_EXISTS, q, personId))
                .orElseGet(() -> new Resolution(Validity.INVALID, latestMatched, personId));
    }

    /**
     * A check by My Number card: the card names the person, so no numbers were given and INVALID_NEWER_EXISTS does not
     * apply. VALID with the qualification in force on the visit date (several in force: the one that started last);
     * none in force: INVALID with the one that started last; a person with no qualification at all: NOT_FOUND.
     *
     * @param history every qualification of the card's person
     */
    public static Resolution resolveForPerson(UUID personId, List<Qualification> history, LocalDate visitDate) {
        if (history.isEmpty()) {
            return new Resolution(Validity.NOT_FOUND, null, null);
        }
        return latest(history.stream().filter(q -> q.inForceOn(visitDate)).toList())
                .map(q -> new Resolution(Validity.VALID, q, personId))
                .orElseGet(() -> new Resolution(Validity.INVALID, latest(history).orElseThrow(), personId));
    }

    private static Optional<Qualification> latest(List<Qualification> qualifications) {
        return qualifications.stream().max(BY_START);
    }
}
