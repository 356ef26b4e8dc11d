package io.shikaku.gateway.route;

/** The services behind the gateway, by the module names the README and the OpenAPI description use. */
public enum Service {
    ELIGIBILITY("eligibility"),
    MEDICATION("medication"),
    CHECKUP("checkup"),
    FACILITY("facility-registry");

    private final String displayName;

    Service(String displayName) {
        this.displayName = displayName;
    }

    public String displayName() {
        return displayName;
    }
}
