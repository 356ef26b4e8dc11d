package io.shikaku.gateway.route;

import java.util.Locale;

/**
 * The rate-limit group of a route (README "Rate limits"): routes that callers use alike share one budget per caller,
 * configured under {@code shikaku.gateway.rate-limit.groups.<name>}.
 */
public enum RouteGroup {
    /** Single eligibility checks and reading them back: clinic systems at the reception. */
    CHECKS,
    /** Bulk inquiries: posting thousands of entries at once and polling their results. */
    BULK,
    /** Linking and revoking My Number cards for insurance use. */
    CARDS,
    /** Insurers' member and checkup batches, their reports and held records. */
    BATCHES,
    /** The national feeds: resident registry and dispensing claims. */
    FEEDS,
    /** Medication and checkup views of a patient by a facility. */
    VIEWS,
    /** Emergency lookups and disaster declarations. */
    EMERGENCY,
    /** A patient's own records through the personal portal. */
    MY_RECORDS,
    /** The auditor's reading of the access log and of sweeps. */
    AUDIT,
    /** The facility master, onboarding and statistics of the portal. */
    PORTAL;

    /** The name in configuration, the README and metrics ({@code checks}, {@code my-records}, …). */
    public String configName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
