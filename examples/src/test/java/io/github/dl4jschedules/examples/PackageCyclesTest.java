package io.github.dl4jschedules.examples;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The examples' packages depend on each other without a cycle, read from the compiled classes
 * (ArchUnit): the command packages on the shared {@code run} and {@code cli} packages, never the
 * other way round, and nothing on the root package, whose {@code Main} lists the commands.
 */
class PackageCyclesTest {

    private static final String ROOT = "io.github.dl4jschedules.examples";

    private static JavaClasses classes;

    @BeforeAll
    static void importMainClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(ROOT);
    }

    @Test
    void theSubpackagesAreFreeOfCycles() {
        assertThat(classes.containPackage(ROOT + ".run")).isTrue();
        slices().matching(ROOT + ".(*)..").should().beFreeOfCycles().check(classes);
    }

    @Test
    void noSubpackageDependsOnTheRootPackage() {
        noClasses().that().resideOutsideOfPackage(ROOT).should().dependOnClassesThat().resideInAPackage(ROOT)
                .check(classes);
    }

    @Test
    void theSharedPackagesDependOnNoCommand() {
        noClasses().that().resideInAnyPackage(ROOT + ".run..", ROOT + ".cli..", ROOT + ".data..", ROOT + ".report..")
                .should().dependOnClassesThat().resideInAnyPackage(ROOT + ".train..", ROOT + ".preview..",
                        ROOT + ".speed..", ROOT + ".benchmark..", ROOT + ".lrfind..", ROOT + ".tune..",
                        ROOT + ".parallel..")
                .check(classes);
    }
}
