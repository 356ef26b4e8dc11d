package io.shikaku.contract;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a class that holds a domain rule of DOMAIN.md in plain Java (check digits, validity resolution, metabolic
 * judgement, subsidy arithmetic, rates): the architecture tests hold it to importing no framework.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
public @interface DomainRule {
}
