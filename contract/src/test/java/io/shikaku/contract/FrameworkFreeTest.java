package io.shikaku.contract;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

class FrameworkFreeTest {

    @Test
    void theContractDependsOnTheJdkAlone() {
        classes().should().onlyDependOnClassesThat().resideInAnyPackage("java..", "io.shikaku.contract..")
                .check(new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                        .importPackages("io.shikaku.contract"));
    }
}
