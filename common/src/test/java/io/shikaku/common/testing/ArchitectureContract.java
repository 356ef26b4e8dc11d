package io.shikaku.common.testing;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

import io.shikaku.contract.DomainRule;

/**
 * The shape of CONVENTIONS.md that a machine can check, for the module whose test extends this (its root package is
 * the test's package, e.g. {@code io.shikaku.eligibility}): domain rules import no framework, feature packages have no
 * cycles, and nothing but {@code common}, {@code contract} and the token cache is shared between modules.
 */
public abstract class ArchitectureContract {

    /** Packages of frameworks a domain rule must not touch. */
    static final String[] FRAMEWORKS = {"io.quarkus..", "io.vertx..", "io.smallrye..", "jakarta..", "javax..",
            "org.hibernate..", "com.fasterxml..", "org.eclipse.microprofile..", "io.micrometer..", "org.apache.kafka..",
            "org.jboss.."};

    private final String root = rootPackage();
    private final JavaClasses classes = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages(root);

    /** The module's root package: {@code io.shikaku.<module>}. */
    protected String rootPackage() {
        String[] parts = getClass().getPackageName().split("\\.");
        return parts[0] + "." + parts[1] + "." + parts[2];
    }

    @Test
    void domainRulesImportNoFramework() {
        noClasses().that().areAnnotatedWith(DomainRule.class)
                .should().dependOnClassesThat().resideInAnyPackage(FRAMEWORKS)
                .allowEmptyShould(true)
                .check(classes);
    }

    @Test
    void featurePackagesHaveNoCycles() {
        slices().matching(root + ".(*)..").should().beFreeOfCycles().allowEmptyShould(true).check(classes);
    }

    @Test
    void onlyCommonAndContractAreShared() {
        noClasses().should().dependOnClassesThat(
                com.tngtech.archunit.base.DescribedPredicate.describe("another module's classes",
                        target -> target.getPackageName().startsWith("io.shikaku.")
                                && !target.getPackageName().startsWith(root)
                                && !target.getPackageName().startsWith("io.shikaku.common")
                                && !target.getPackageName().startsWith("io.shikaku.contract")
                                && !target.getPackageName().startsWith("io.shikaku.token")))
                .allowEmptyShould(true)
                .check(classes);
    }
}
