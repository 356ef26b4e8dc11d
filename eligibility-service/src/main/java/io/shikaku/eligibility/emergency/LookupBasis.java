package io.shikaku.eligibility.emergency;

/** On which ground a patient is looked up without consent (DOMAIN.md §8): an emergency with the card, or a disaster. */
public enum LookupBasis {
    EMERGENCY,
    DISASTER
}
