package dev.saker.ui.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.saker.ui.WorkbenchTestBase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Labeled;
import javafx.scene.control.TabPane;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeView;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;

/**
 * The debugger on curl_google.scap with a rule for curl opening libraries under /usr/lib: sysdig shows
 * event 219 opening /etc/ld.so.cache, 229 libcurl-gnutls under /usr/lib, 247 libz under /lib.
 */
class RuleDebuggerTest extends WorkbenchTestBase {
    static final String RULE = "Curl Loads Library From usr";
    private Path rulesFile;

    @BeforeEach
    void openCapture(FxRobot robot) throws Exception {
        rulesFile = Files.createTempFile("saker-rules", ".yaml");
        Files.writeString(rulesFile, RulesEditorTest.RULES);
        open(robot, capture("libs/curl_google.scap"), rulesFile);
        robot.interact(() -> robot.lookup("#workspace").queryAs(TabPane.class).getSelectionModel()
                .select(window.rulesTabs().tabs().get(1)));
    }

    @AfterEach
    void removeRules() throws Exception {
        Files.deleteIfExists(rulesFile);
    }

    @SuppressWarnings("unchecked")
    TreeView<DebugRow> tree(FxRobot robot) {
        return robot.lookup("#debugTree").queryAs(TreeView.class);
    }

    String verdict(FxRobot robot) {
        return robot.lookup("#debugVerdict").queryAs(Labeled.class).getText();
    }

    static List<TreeItem<DebugRow>> all(TreeItem<DebugRow> item) {
        List<TreeItem<DebugRow>> out = new ArrayList<>();
        out.add(item);
        item.getChildren().forEach(c -> out.addAll(all(c)));
        return out;
    }

    static TreeItem<DebugRow> row(TreeView<DebugRow> tree, String label) {
        return all(tree.getRoot()).stream().filter(i -> i.getValue().label().equals(label)).findFirst().orElseThrow();
    }

    long currentEvent() {
        return window.rulesTabs().debugger().viewModel().eventProperty().get();
    }

    @Test
    void aMatchShowsEveryNodeTrueWithItsValuesAndTheMacroExpandsInPlace(FxRobot robot) {
        assertThat(robot.lookup("#debugRule").queryAs(ComboBox.class).getValue()).isEqualTo(RULE);
        robot.clickOn("#debugNextMatch");
        assertThat(currentEvent()).isEqualTo(229);
        assertThat(verdict(robot)).isEqualTo("Event 229: the rule matches");
        TreeView<DebugRow> tree = tree(robot);
        assertThat(tree.getRoot().getValue().state()).isEqualTo("true");
        TreeItem<DebugRow> check = row(tree, "fd.name startswith /usr/lib");
        assertThat(check.getValue().state()).isEqualTo("true");
        assertThat(check.getValue().values()).containsEntry("fd.name", "/usr/lib/x86_64-linux-gnu/libcurl-gnutls.so.4");
        TreeItem<DebugRow> macro = row(tree, "macro opened_file");
        assertThat(macro.isExpanded()).isFalse();
        assertThat(macro.getValue().state()).isEqualTo("true");
        assertThat(all(macro)).extracting(i -> i.getValue().label()).contains("evt.type in (open, openat)", "evt.rawres >= 0");
        // the macro's body rows are in the tree but not shown until it is expanded
        int shown = tree.getExpandedItemCount();
        robot.interact(() -> macro.setExpanded(true));
        assertThat(tree.getExpandedItemCount()).isGreaterThan(shown);
        // the table follows the debugger
        assertThat(index().number(model.selectedRowProperty().get())).isEqualTo(229);
        assertThat(robot.lookup(".debug-true").queryAll()).isNotEmpty();
    }

    @Test
    void aNearMissFailsOneConjunctAndShowsTheValueThatFailedIt(FxRobot robot) {
        robot.clickOn("#debugNextMatch");
        robot.clickOn("#debugNextNearMiss");
        assertThat(currentEvent()).isEqualTo(247);
        assertThat(verdict(robot)).isEqualTo("Event 247: no match; fails 1 of 3 conjuncts (near miss): fd.name startswith /usr/lib");
        TreeItem<DebugRow> check = row(tree(robot), "fd.name startswith /usr/lib");
        assertThat(check.getValue().state()).isEqualTo("false");
        assertThat(check.getValue().values()).containsEntry("fd.name", "/lib/x86_64-linux-gnu/libz.so.1");
        assertThat(row(tree(robot), "proc.name = curl").getValue().state()).isEqualTo("true");
        assertThat(robot.lookup(".debug-false").queryAll()).isNotEmpty();
        robot.clickOn("#debugPrevNearMiss");
        assertThat(currentEvent()).isEqualTo(219);
        robot.clickOn("#debugPrevMatch");
        assertThat(robot.lookup("#debugStatus").queryAs(Labeled.class).getText()).startsWith("No earlier event");
        assertThat(currentEvent()).isEqualTo(219);
    }

    @Test
    void whyNotExplainsTheSelectedEventAndOtherTypesAreNotApplicable(FxRobot robot) {
        robot.interact(() -> model.selectEvent(212));
        robot.clickOn("#debugWhyNot");
        assertThat(currentEvent()).isEqualTo(212);
        assertThat(verdict(robot)).isEqualTo("Event 212: not applicable: the rule is not tried on this event's type");
        assertThat(tree(robot).getRoot().getValue().state()).isEqualTo("na");
        assertThat(robot.lookup(".debug-na").queryAll()).isNotEmpty();
        robot.interact(() -> model.selectEvent(219));
        robot.clickOn("#debugWhyNot");
        assertThat(verdict(robot)).startsWith("Event 219: no match; fails 1 of 3 conjuncts");
        assertThat(row(tree(robot), "fd.name startswith /usr/lib").getValue().values())
                .containsEntry("fd.name", "/etc/ld.so.cache");
    }

    @Test
    void aDetectionStartsTheDebuggerOnItsRuleAndEvent(FxRobot robot) {
        long detected = model.detections().get(1).eventNumber();
        robot.interact(() -> model.selectEvent(detected));
        robot.clickOn("#debugFromDetection");
        assertThat(currentEvent()).isEqualTo(detected);
        assertThat(verdict(robot)).isEqualTo("Event " + detected + ": the rule matches");
    }
}
