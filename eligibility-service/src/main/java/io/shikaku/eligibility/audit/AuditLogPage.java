package io.shikaku.eligibility.audit;

import java.util.List;

/** One page of the access log for an auditor, newest first: {@code page} counts from 0; {@code total} every match. */
public record AuditLogPage(int page, int size, long total, List<AuditEntry> items) {
}
