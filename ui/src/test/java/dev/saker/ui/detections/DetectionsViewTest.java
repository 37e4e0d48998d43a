package dev.saker.ui.detections;

import static org.assertj.core.api.Assertions.assertThat;

import dev.saker.engine.Detection;
import dev.saker.index.ProcessRecord;
import dev.saker.index.RuleRun;
import dev.saker.rules.RulesSource;
import dev.saker.ui.WorkbenchTestBase;
import java.nio.file.Path;
import java.util.List;
import javafx.scene.control.Label;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeTableView;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;

/** Falco's legacy test: single_rule.yaml + double_rule.yaml over cat_write.scap (open_from_cat 8, exec_from_cat 1). */
class DetectionsViewTest extends WorkbenchTestBase {

    @SuppressWarnings("unchecked")
    private TreeTableView<DetectionsView.Entry> tree(FxRobot robot) {
        return robot.lookup("#detectionsTree").queryAs(TreeTableView.class);
    }

    private void openCatWrite(FxRobot robot) throws Exception {
        open(robot, legacy("trace_files/cat_write.scap"), legacy("rules/single_rule.yaml"), legacy("rules/double_rule.yaml"));
    }

    @Test
    void rulesRunWhenTheCaptureOpensAndDetectionsAreListedByRuleAndPriority(FxRobot robot) throws Exception {
        openCatWrite(robot);
        List<TreeItem<DetectionsView.Entry>> groups = tree(robot).getRoot().getChildren();
        // most severe first: Error, Warning, Informational
        assertThat(groups).extracting(g -> g.getValue().group().rule())
                .containsExactly("exec_from_cat", "open_from_cat", "access_from_cat");
        assertThat(groups).extracting(g -> g.getChildren().size()).containsExactly(1, 8, 3);
        assertThat(robot.lookup("#detectionsSummary").queryAs(Label.class).getText())
                .isEqualTo("12 detections by 3 of 3 rules");
        // the same as saker scan's engine run outside the workbench
        RuleRun.Result direct = RuleRun.run(RulesSource.expand(List.of(legacy("rules/single_rule.yaml"),
                legacy("rules/double_rule.yaml"))), legacy("trace_files/cat_write.scap"));
        assertThat(model.detections()).hasSameSizeAs(direct.detections());
    }

    @Test
    void aCaptureWithDetectionsOpensOnTheDetectionsPane(FxRobot robot) throws Exception {
        openCatWrite(robot);
        assertThat(window.sidePanes().getSelectionModel().getSelectedItem().getId()).isEqualTo("detectionsTab");
    }

    @Test
    void selectingADetectionJumpsToItsEventWithDetailsAndProcess(FxRobot robot) throws Exception {
        openCatWrite(robot);
        // hide the event first: the jump must show it anyway
        robot.interact(() -> model.applyQuery(model.queryProperty().get().withCondition("evt.type=close")));
        TreeItem<DetectionsView.Entry> open = tree(robot).getRoot().getChildren().get(1);
        robot.interact(() -> open.setExpanded(true));
        TreeItem<DetectionsView.Entry> third = open.getChildren().get(2);
        Detection d = third.getValue().detection();
        robot.interact(() -> tree(robot).getSelectionModel().select(third));
        int row = model.selectedRowProperty().get();
        assertThat(index().number(row)).isEqualTo(d.eventNumber());
        assertThat(table(robot).getSelectionModel().getSelectedItem()).isEqualTo(row);
        assertThat(model.shownRowsProperty().get()).isNull();
        assertThat(robot.lookup("#detailsHeader").queryAs(Label.class).getText())
                .startsWith("Event " + d.eventNumber() + " ");
        ProcessRecord focused = window.processes().focused();
        assertThat(focused).isNotNull();
        assertThat(focused.comm()).isEqualTo("cat");
        assertThat(d.output()).contains("cat");
    }

    @Test
    void outputsCutOffByTheNarrowPaneAreReadableInTooltipsAndUnderTheTree(FxRobot robot) throws Exception {
        openCatWrite(robot);
        robot.clickOn("#detectionsTab");
        Label output = robot.lookup("#detectionOutput").queryAs(Label.class);
        TreeItem<DetectionsView.Entry> exec = tree(robot).getRoot().getChildren().get(0);
        robot.interact(() -> tree(robot).getSelectionModel().select(exec));
        assertThat(output.getText()).isEqualTo("exec_from_cat (Error): 1 detection");
        Detection d = exec.getChildren().get(0).getValue().detection();
        robot.interact(() -> tree(robot).getSelectionModel().select(exec.getChildren().get(0)));
        assertThat(output.getText()).isEqualTo("#" + d.eventNumber() + " exec_from_cat: " + d.output());
        // the output cell holds the whole text and shows it on hover
        var cell = robot.lookup(".tree-table-cell").match(n -> n instanceof javafx.scene.control.TreeTableCell<?, ?> c
                && d.output().equals(c.getText())).queryAs(javafx.scene.control.TreeTableCell.class);
        assertThat(cell.getTooltip().getText()).isEqualTo(d.output());
    }

    @Test
    void debugThisDetectionOpensTheRuleDebuggerOnItsRuleAndEvent(FxRobot robot) throws Exception {
        openCatWrite(robot);
        robot.clickOn("#detectionsTab");
        javafx.scene.control.Button debug = robot.lookup("#debugDetection").queryAs(javafx.scene.control.Button.class);
        assertThat(debug.isDisabled()).isTrue();
        TreeItem<DetectionsView.Entry> open = tree(robot).getRoot().getChildren().get(1);
        robot.interact(() -> open.setExpanded(true));
        TreeItem<DetectionsView.Entry> fourth = open.getChildren().get(3);
        Detection d = fourth.getValue().detection();
        robot.interact(() -> tree(robot).getSelectionModel().select(fourth));
        assertThat(debug.isDisabled()).isFalse();
        robot.clickOn(debug);
        javafx.scene.control.TabPane workspace = robot.lookup("#workspace").queryAs(javafx.scene.control.TabPane.class);
        assertThat(workspace.getSelectionModel().getSelectedItem().getId()).isEqualTo("ruleDebuggerTab");
        var debugger = window.rulesTabs().debugger().viewModel();
        assertThat(debugger.ruleProperty().get()).isEqualTo("open_from_cat");
        assertThat(debugger.eventProperty().get()).isEqualTo(d.eventNumber());
        assertThat(robot.lookup("#debugVerdict").queryAs(Label.class).getText())
                .isEqualTo("Event " + d.eventNumber() + ": the rule matches");
        // a rule's group is not a detection: nothing to debug
        robot.interact(() -> tree(robot).getSelectionModel().select(open));
        assertThat(debug.isDisabled()).isTrue();
    }

    @Test
    void rulesThatDoNotLoadSayWhichFile(FxRobot robot) throws Exception {
        Path bad = java.nio.file.Files.createTempFile("saker-bad-rules", ".yaml");
        java.nio.file.Files.writeString(bad, "- rule: broken\n  desc: x\n  condition: evt.type=\n  output: x\n  priority: WARNING\n");
        try {
            open(robot, legacy("trace_files/cat_write.scap"), bad);
            assertThat(robot.lookup("#detectionsSummary").queryAs(Label.class).getText())
                    .startsWith("Rules failed to load: ").contains(bad.toString());
            assertThat(tree(robot).getRoot().getChildren()).isEmpty();
        } finally {
            java.nio.file.Files.delete(bad);
        }
    }
}
