package io.shikaku.gateway.route;

/** The services behind the gateway. */
public enum Service {
    ELIGIBILITY,
    MEDICATION,
    CHECKUP,
    FACILITY
}
