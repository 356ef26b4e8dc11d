package io.shikaku.eligibility.qualification;

/** Whether the qualification holder is the insured person (被保険者) or a dependant (被扶養者). */
public enum Relationship {
    INSURED,
    DEPENDANT
}
