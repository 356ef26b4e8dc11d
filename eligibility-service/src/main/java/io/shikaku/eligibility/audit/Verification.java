package io.shikaku.eligibility.audit;

/**
 * The access log's hash chain checked from entry 1 (API.md "Audit"): how many entries the log holds, whether they form
 * an unbroken chain, and the sequence number where it first breaks (null when valid).
 */
public record Verification(long entries, boolean valid, Long firstBrokenEntry) {
}
