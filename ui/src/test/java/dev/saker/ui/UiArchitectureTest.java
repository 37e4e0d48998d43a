package dev.saker.ui;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The workbench's own edges (DESIGN.md: only the ViewModel touches the engine). */
@AnalyzeClasses(packages = "dev.saker.ui", importOptions = ImportOption.DoNotIncludeTests.class)
class UiArchitectureTest {

    @ArchTest
    static final ArchRule viewsStartNoAnalysisWork = noClasses()
            .that().haveSimpleNameEndingWith("View").or().haveSimpleNameEndingWith("Bar")
            .or().haveSimpleName("MainWindow")
            .should().dependOnClassesThat().resideInAnyPackage("dev.saker.scap..", "dev.saker.fields..",
                    "dev.saker.filter..", "dev.saker.rules..")
            .orShould().dependOnClassesThat().haveSimpleNameStartingWith("CaptureIndexer")
            .orShould().dependOnClassesThat().haveSimpleName("RowFilter")
            .orShould().dependOnClassesThat().haveSimpleName("RuleRun")
            .orShould().dependOnClassesThat().haveSimpleName("EventExport")
            .because("views show what their ViewModel exposes; reading captures, filtering and running rules"
                    + " go through the ViewModels and the WorkbenchModel, which run them as background tasks");

    @ArchTest
    static final ArchRule uiKnowsNotTheEntryPoint = noClasses()
            .that().resideInAPackage("dev.saker.ui..")
            .should().dependOnClassesThat().resideInAPackage("dev.saker.app..")
            .because("the app module launches the workbench; the workbench never reaches back into the CLI");
}
