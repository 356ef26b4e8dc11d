package io.shikaku.checkup.metabolic;

/** The outcome of the metabolic-syndrome judgement (DOMAIN.md §7): 基準該当, 予備群該当, or neither. */
public enum MetabolicSyndrome {
    MEETS_CRITERIA,
    PRE_METABOLIC,
    NOT_APPLICABLE
}
