package io.shikaku.common.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;

/** A value that breaks one of our own field rules; its message is ours, never the caller's value, so it may be shown. */
public class FieldRuleViolation extends InvalidFormatException {

    private final String rule;

    FieldRuleViolation(JsonParser parser, String rule, Class<?> targetType) {
        super(parser, rule, null, targetType);
        this.rule = rule;
    }

    public String rule() {
        return rule;
    }
}
