package io.shikaku.eligibility.check;

/**
 * What the patient answered on the reader at a card check (DOMAIN.md §4): whether this facility may view their
 * medication and checkups, and receive their high-cost ceiling category. An absent answer is "no".
 */
public record ConsentChoice(boolean medication, boolean checkup, boolean limitCategory) {

    public static final ConsentChoice NONE = new ConsentChoice(false, false, false);
}
