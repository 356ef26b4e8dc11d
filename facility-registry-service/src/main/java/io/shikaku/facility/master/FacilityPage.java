package io.shikaku.facility.master;

import java.util.List;

/** One page of a facility search: {@code page} counts from 0; {@code total} is every match. */
public record FacilityPage(int page, int size, long total, List<FacilityView> items) {
}
