package io.shikaku.facility.subsidy;

/** The rows of the subsidy table (DOMAIN.md §9): hospitals, large chain pharmacies, everyone else. */
public enum SubsidyCategory {
    HOSPITAL,
    LARGE_CHAIN_PHARMACY,
    OTHER
}
