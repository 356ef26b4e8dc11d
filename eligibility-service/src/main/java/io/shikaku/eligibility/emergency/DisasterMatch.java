package io.shikaku.eligibility.emergency;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.shikaku.contract.DomainRule;
import io.shikaku.eligibility.resident.FourAttributes;

/**
 * Who a disaster lookup identifies (DOMAIN.md §8): of the insured persons with the given name (NFKC, spaces removed),
 * birth date and sex, those whose address or the name of an insurer of one of their qualifications contains the given
 * insurer name or address (same normalisation, a partial match: "Alpha" matches "Alpha Health Insurance Society, Beta
 * branch", "Nakano" matches "1-1 Saginomiya, Nakano, Tokyo"). Exactly one such person is identified, unless their
 * linkage is in doubt (viewing suspended); none or several identify nobody, and the caller is not told which.
 */
@DomainRule
public final class DisasterMatch {

    /** A person of the given name, birth date and sex: their address and the names of their insurers. */
    public record Candidate(UUID personId, boolean viewingSuspended, String address, List<String> insurerNames) {
    }

    private DisasterMatch() {
    }

    /** Whether the candidate's address or one of their insurers' names contains {@code insurerNameOrAddress}. */
    public static boolean matches(Candidate candidate, String insurerNameOrAddress) {
        String wanted = FourAttributes.key(insurerNameOrAddress);
        if (wanted.isEmpty()) {
            return false;
        }
        if (FourAttributes.key(candidate.address()).contains(wanted)) {
            return true;
        }
        return candidate.insurerNames().stream().anyMatch(name -> FourAttributes.key(name).contains(wanted));
    }

    /** The one person identified among {@code candidates}, or empty. */
    public static Optional<UUID> identify(List<Candidate> candidates, String insurerNameOrAddress) {
        List<Candidate> matching = candidates.stream().filter(c -> matches(c, insurerNameOrAddress)).toList();
        if (matching.size() != 1 || matching.get(0).viewingSuspended()) {
            return Optional.empty();
        }
        return Optional.of(matching.get(0).personId());
    }
}
