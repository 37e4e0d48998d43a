package dev.saker;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The edges of DESIGN.md that are never crossed, for the headless engine. Packages that do not
 * exist yet make a rule vacuous rather than failing it (allowEmptyShould), so each rule starts
 * holding the day its package gets its first class.
 */
@AnalyzeClasses(packages = "dev.saker", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule analysisKnowsNoUiOrApp = noClasses()
            .that().resideInAPackage("dev.saker..")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "dev.saker.app..", "dev.saker.ui..",
                    "javafx..", "org.controlsfx..", "org.fxmisc..", "org.jfree..")
            .because("everything a user can do in the workbench must be doable headless through analysis,"
                    + " which is how it is tested; analysis never sees the UI or the entry point")
            .allowEmptyShould(true);

    @ArchTest
    static final ArchRule scapIsTheStartOfTheDataPath = noClasses()
            .that().resideInAPackage("dev.saker.scap..")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "dev.saker.state..", "dev.saker.fields..", "dev.saker.filter..",
                    "dev.saker.rules..", "dev.saker.engine..", "dev.saker.format..")
            .because("the data path runs one way: reading and normalising events knows nothing of"
                    + " the stages that consume them")
            .allowEmptyShould(true);

    @ArchTest
    static final ArchRule stateComesBeforeFields = noClasses()
            .that().resideInAPackage("dev.saker.state..")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "dev.saker.fields..", "dev.saker.filter..", "dev.saker.rules..",
                    "dev.saker.engine..", "dev.saker.format..")
            .because("thread/fd/user/container state is built from events alone, as libsinsp's parsers"
                    + " do; fields, filters, rules and renderings read state, never the reverse")
            .allowEmptyShould(true);

    @ArchTest
    static final ArchRule fieldsComeBeforeFiltersAndRules = noClasses()
            .that().resideInAPackage("dev.saker.fields..")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "dev.saker.filter..", "dev.saker.rules..", "dev.saker.engine..", "dev.saker.format..")
            .because("a field family extracts values from an event and its state; filters, rules and"
                    + " renderings are built on fields, so fields cannot know them")
            .allowEmptyShould(true);

    @ArchTest
    static final ArchRule filtersComeBeforeRulesEngineAndRenderings = noClasses()
            .that().resideInAPackage("dev.saker.filter..")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "dev.saker.rules..", "dev.saker.engine..", "dev.saker.format..", "dev.saker.app..")
            .because("the condition language is parsed, checked and evaluated over fields alone; rules"
                    + " files, the engine and renderings build on it, and the registry it resolves"
                    + " fields against is passed in, never looked up in a later stage")
            .allowEmptyShould(true);

    @ArchTest
    static final ArchRule formatRendersWithoutTheApp = noClasses()
            .that().resideInAPackage("dev.saker.format..")
            .should().dependOnClassesThat().resideInAnyPackage("dev.saker.app..", "dev.saker.ui..")
            .because("renderings are the last stage of the headless pipeline and serve saker read,"
                    + " saker scan, the workbench and the tests alike")
            .allowEmptyShould(true);

    @ArchTest
    static final ArchRule rulesStandOnFieldsAndFilters = noClasses()
            .that().resideInAPackage("dev.saker.rules..")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "dev.saker.engine..", "dev.saker.format..", "dev.saker.app..", "dev.saker.ui..")
            .because("loading and compiling rules needs only events, state, fields and the condition language;"
                    + " the engine runs compiled rules and format renders alerts, both after the rules stage")
            .allowEmptyShould(true);

    @ArchTest
    static final ArchRule engineRunsRulesWithoutRenderingsOrApp = noClasses()
            .that().resideInAPackage("dev.saker.engine..")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "dev.saker.format..", "dev.saker.app..", "dev.saker.ui..")
            .because("the engine evaluates compiled rules over events, state and fields; alert rendering"
                    + " (dev.saker.format) plugs in through OutputRenderer and the CLI sits on top")
            .allowEmptyShould(true);
}
