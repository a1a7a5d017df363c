package dev.cofferdam.app.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The layer boundaries of STYLE.md, checked on the compiled classes of every module. */
class ArchitectureTest {
    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(location -> !location.contains("-tests.jar")) // engine's test helpers jar
                .importPackages("dev.cofferdam");
    }

    @Test
    void engineAndVmNeverUseJavaFx() {
        noClasses().that().resideInAnyPackage("dev.cofferdam.engine..", "dev.cofferdam.vm..")
                .should().dependOnClassesThat().resideInAnyPackage("javafx..")
                .check(classes);
    }

    @Test
    void viewModelsDoNotUseSceneGraphTypes() {
        noClasses().that().haveSimpleNameEndingWith("ViewModel")
                .should().dependOnClassesThat().resideInAnyPackage("javafx.scene..")
                .check(classes);
    }

    @Test
    void nothingUsesComSun() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("com.sun..")
                .check(classes);
    }

    @Test
    void vmDoesNotDependOnEngine() {
        noClasses().that().resideInAPackage("dev.cofferdam.vm..")
                .should().dependOnClassesThat().resideInAPackage("dev.cofferdam.engine..")
                .allowEmptyShould(true)
                .check(classes);
    }

    @Test
    void onlyTheGraphPackageMayUseGraphStream() {
        noClasses().that().resideOutsideOfPackage("dev.cofferdam.app.ui.graph..")
                .should().dependOnClassesThat().resideInAnyPackage("org.graphstream..")
                .check(classes);
    }
}
