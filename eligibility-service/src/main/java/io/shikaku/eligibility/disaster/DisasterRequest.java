package io.shikaku.eligibility.disaster;

import java.time.LocalDate;
import java.util.List;

/** The ministry's declaration of a disaster (API.md "Emergency and disaster"): name, region and period. */
public record DisasterRequest(String name, List<String> prefectures, LocalDate from, LocalDate until) {
}
