package io.shikaku.gateway;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

/**
 * The gateway's packages depend on each other one way only, and the problem vocabulary comes from the contract. (Plain
 * Jupiter tests: the ArchUnit engine is not picked up next to Quarkus' test setup here.)
 */
class ArchitectureTest {

    private static final JavaClasses GATEWAY = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.shikaku.gateway");

    @Test
    void theGatewaysPackagesAreFreeOfCycles() {
        slices().matching("io.shikaku.gateway.(*)..").should().beFreeOfCycles().check(GATEWAY);
    }

    @Test
    void theRootPackageHoldsNoCodeSoThatEveryClassIsInASlice() {
        noClasses().should().resideInAPackage("io.shikaku.gateway").check(GATEWAY);
    }

    @Test
    void problemsKnowNothingOfRoutingMetricsLimitsOrHeaders() {
        noClasses().that().resideInAPackage("io.shikaku.gateway.problem..")
                .should().dependOnClassesThat().resideInAnyPackage("io.shikaku.gateway.route..",
                        "io.shikaku.gateway.metrics..", "io.shikaku.gateway.limit..", "io.shikaku.gateway.headers..")
                .check(GATEWAY);
    }

    @Test
    void theGatewayHasNoProblemOrRequestIdTypesOfItsOwn() {
        noClasses().should().haveSimpleName("Problem").orShould().haveSimpleName("RequestIds")
                .orShould().haveSimpleName("ErrorCode").check(GATEWAY);
    }
}
