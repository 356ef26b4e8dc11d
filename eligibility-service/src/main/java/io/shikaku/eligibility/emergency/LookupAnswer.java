package io.shikaku.eligibility.emergency;

import java.time.Instant;
import java.util.UUID;

/** The answer to a lookup that identified one person: whom, and the grant that lets the facility view until when. */
public record LookupAnswer(UUID personId, UUID grantId, Instant expiresAt) {
}
