package io.shikaku.checkup.metabolic;

/** The examinee's sex, on which the waist threshold of the metabolic judgement depends (DOMAIN.md §7). */
public enum Sex {
    MALE,
    FEMALE
}
