package io.shikaku.eligibility.audit;

import java.util.List;

/** One page of a patient's own access log, newest first: {@code page} counts from 0; {@code total} every match. */
public record OwnAccessPage(int page, int size, long total, List<OwnAccess> items) {
}
