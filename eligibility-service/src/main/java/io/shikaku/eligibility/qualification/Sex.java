package io.shikaku.eligibility.qualification;

public enum Sex {
    MALE,
    FEMALE
}
