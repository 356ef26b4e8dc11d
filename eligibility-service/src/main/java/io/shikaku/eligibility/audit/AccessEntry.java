package io.shikaku.eligibility.audit;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Objects;
import java.util.UUID;

import io.shikaku.common.access.AccessBasis;
import io.shikaku.common.access.AccessKind;

/**
 * One entry of the access log (issue 10, item 3), exactly as table {@code access_log} keeps it: its place in the chain,
 * the access it records and the two hashes that chain it. Instants are held to the microsecond, as PostgreSQL keeps
 * them, so that an entry read back hashes as it was written.
 */
public record AccessEntry(long sequence, UUID eventId, Instant accessedAt, Instant recordedAt, UUID personId,
        String facilityCode, String viewerSubject, String profession, AccessKind kind, AccessBasis basis,
        byte[] previousHash, byte[] hash) {

    public AccessEntry {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(personId, "personId");
        Objects.requireNonNull(facilityCode, "facilityCode");
        Objects.requireNonNull(viewerSubject, "viewerSubject");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(basis, "basis");
        accessedAt = accessedAt.truncatedTo(ChronoUnit.MICROS);
        recordedAt = recordedAt.truncatedTo(ChronoUnit.MICROS);
        previousHash = previousHash.clone();
        hash = hash == null ? null : hash.clone();
    }

    @Override
    public byte[] previousHash() {
        return previousHash.clone();
    }

    @Override
    public byte[] hash() {
        return hash == null ? null : hash.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof AccessEntry e && sequence == e.sequence && eventId.equals(e.eventId)
                && accessedAt.equals(e.accessedAt) && recordedAt.equals(e.recordedAt) && personId.equals(e.personId)
                && facilityCode.equals(e.facilityCode) && viewerSubject.equals(e.viewerSubject)
                && Objects.equals(profession, e.profession) && kind == e.kind && basis == e.basis
                && Arrays.equals(previousHash, e.previousHash) && Arrays.equals(hash, e.hash);
    }

    @Override
    public int hashCode() {
        return Objects.hash(sequence, eventId);
    }

    @Override
    public String toString() {
        // Names no person, facility or viewer: an entry may end up in an assertion message or a log line.
        return "AccessEntry[sequence=" + sequence + ", eventId=" + eventId + "]";
    }
}
