package io.shikaku.e2e;

import java.util.concurrent.ThreadLocalRandom;

import io.shikaku.common.identifier.MyNumber;

/** Identifiers of this run only (the broker and the run databases outlive runs): card serials and My Numbers. */
final class Fresh {

    private Fresh() {
    }

    /** A card serial of this run: 16 upper-case hex digits. */
    static String serial() {
        return String.format("%016X", ThreadLocalRandom.current().nextLong());
    }

    /** A random My Number with a correct check digit, unlike any a person could have by chance in this run. */
    static String myNumber() {
        StringBuilder digits = new StringBuilder();
        ThreadLocalRandom random = ThreadLocalRandom.current();
        for (int i = 0; i < 11; i++) {
            digits.append(random.nextInt(10));
        }
        String myNumber = digits.append(MyNumber.checkDigit(digits.toString())).toString();
        PersonalData.used(myNumber);
        return myNumber;
    }
}
