package io.sluice.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import io.sluice.core.connect.Connections;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The layering of DESIGN.md and docs/architecture.md, checked on the compiled classes instead of remembered. */
class LayeringTest {
    private static JavaClasses classes;

    @BeforeAll
    static void importMainClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("io.sluice");
    }

    @Test
    void theEngineImportsNoJavaFx() {
        noClasses().that().resideInAPackage("io.sluice.core..").should().dependOnClassesThat().resideInAPackage("javafx..")
                .because("core runs headless under the CLI and the tests").check(classes);
    }

    @Test
    void theFacesUseNoJdbc() {
        noClasses().that().resideInAnyPackage("io.sluice.ui..", "io.sluice.cli..")
                .should().dependOnClassesThat().resideInAPackage("java.sql..")
                .because("the window and the CLI reach the database only through the core service").check(classes);
    }

    @Test
    void theWindowAndTheCliDoNotKnowEachOther() {
        noClasses().that().resideInAPackage("io.sluice.ui..").should().dependOnClassesThat().resideInAPackage("io.sluice.cli..")
                .check(classes);
        noClasses().that().resideInAPackage("io.sluice.cli..").should().dependOnClassesThat().resideInAPackage("io.sluice.ui..")
                .check(classes);
    }

    @Test
    void onlyTheServiceOpensConnections() {
        noClasses().that().resideOutsideOfPackages("io.sluice.core.service..", "io.sluice.core.connect..", "io.sluice.core.server..")
                .should().dependOnClassesThat().belongToAnyOf(Connections.class)
                .because("one door: the service opens every connection (the demo server loads its own script)").check(classes);
    }

    @Test
    void theCorePackagesHaveNoCycles() {
        slices().matching("io.sluice.core.(*)..").should().beFreeOfCycles().check(classes);
    }
}
