package io.shikaku.eligibility.resident;

import java.util.List;

import jakarta.validation.constraints.NotNull;

/** A registry feed's batch of residents, upserted by My Number (API.md "Cards and insurers"). */
public record ResidentImport(@NotNull List<ResidentRecord> records) {
}
