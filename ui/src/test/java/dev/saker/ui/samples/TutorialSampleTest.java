package dev.saker.ui.samples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.saker.engine.Detection;
import dev.saker.index.EventRow;
import dev.saker.index.ProcessRecord;
import dev.saker.rules.RulesSource;
import dev.saker.rules.StarterRules;
import dev.saker.scap.ConformanceCaptures;
import dev.saker.scap.SysdigOracle;
import dev.saker.ui.WorkbenchTestBase;
import dev.saker.ui.detections.DetectionsView;
import dev.saker.ui.rules.DebugRow;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import javafx.scene.control.Label;
import javafx.scene.control.Labeled;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeTableView;
import javafx.scene.control.TreeView;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;

/**
 * The workbench's flows on the bundled tutorial capture (sample-captures/tutorial.scap: `kubectl exec -it`
 * into the nginx Pod, `apt update && apt install -y curl`, `curl https://google.com`), with the counts
 * and commands its manifest (expected.yaml) lists, and sysdig as the oracle for rows.
 */
class TutorialSampleTest extends WorkbenchTestBase {
    static final String TUTORIAL = "tutorial.scap";
    static final String PACKAGE_RULE = "Package Manager Launched in Container";
    static final String CURL_RULE = "DetectCurlCommandExecution";

    private void openTutorial(FxRobot robot, List<RulesSource> rules) {
        robot.interact(() -> {
            model.setRules(rules);
            model.open(SampleManifest.capture(TUTORIAL));
        });
    }

    @SuppressWarnings("unchecked")
    private TreeTableView<DetectionsView.Entry> detectionsTree(FxRobot robot) {
        return robot.lookup("#detectionsTree").queryAs(TreeTableView.class);
    }

    @SuppressWarnings("unchecked")
    private List<ProcessRecord> ancestry(FxRobot robot) {
        return List.copyOf(robot.lookup("#detailsAncestry").queryAs(TableView.class).getItems());
    }

    /**
     * The shown rows as "time-in-ns tid direction". Not event numbers: sysdig 0.29.3 numbers this
     * capture's events differently (its evt.num for curl's execve is 5535, Saker's 5594), while both read
     * the same events; nor type names: sysdig calls the event types it does not know "<unknown>".
     */
    private List<String> shownKeys(FxRobot robot) {
        return shownRows(robot).stream().map(r -> r.ts() + " " + r.tid() + " " + r.direction()).toList();
    }

    /** The same key for every event sysdig prints for a filter over the tutorial capture. */
    private static List<String> sysdigKeys(String filter) {
        return SysdigOracle.print(SampleManifest.capture(TUTORIAL), "-p", "%evt.rawtime %thread.tid %evt.dir",
                filter).lines().toList();
    }

    @Test
    void theStarterRulesDetectionsAreTheManifestsAndAJumpShowsThePodAndRuncBashApt(FxRobot robot) throws Exception {
        List<SampleManifest.Expected> expected = SampleManifest.expected(TUTORIAL, "starter");
        openTutorial(robot, List.of(StarterRules.source()));
        assertThat(window.sidePanes().getSelectionModel().getSelectedItem().getId()).isEqualTo("detectionsTab");
        List<TreeItem<DetectionsView.Entry>> groups = detectionsTree(robot).getRoot().getChildren();
        Map<String, Integer> shown = new LinkedHashMap<>();
        groups.forEach(g -> shown.put(g.getValue().group().rule(), g.getChildren().size()));
        Map<String, Integer> wanted = expected.stream().collect(Collectors.toMap(SampleManifest.Expected::rule,
                SampleManifest.Expected::count));
        assertThat(shown).containsExactlyInAnyOrderEntriesOf(wanted);
        int total = wanted.values().stream().mapToInt(Integer::intValue).sum();
        assertThat(robot.lookup("#detectionsSummary").queryAs(Label.class).getText())
                .startsWith(total + " detections by " + wanted.size() + " of ");

        SampleManifest.Expected apt = expected.stream().filter(e -> e.rule().equals(PACKAGE_RULE)).findFirst().orElseThrow();
        TreeItem<DetectionsView.Entry> group = groups.stream()
                .filter(g -> g.getValue().group().rule().equals(PACKAGE_RULE)).findFirst().orElseThrow();
        assertThat(group.getValue().group().priorityText()).isEqualToIgnoringCase(apt.priority());
        robot.interact(() -> group.setExpanded(true));
        for (int i = 0; i < apt.count(); i++) {
            TreeItem<DetectionsView.Entry> item = group.getChildren().get(i);
            Detection d = item.getValue().detection();
            robot.interact(() -> detectionsTree(robot).getSelectionModel().select(item));
            int row = model.selectedRowProperty().get();
            assertThat(index().number(row)).isEqualTo(d.eventNumber());
            assertThat(table(robot).getSelectionModel().getSelectedItem()).isEqualTo(row);
            assertThat(robot.lookup("#detailsHeader").queryAs(Label.class).getText())
                    .startsWith("Event " + d.eventNumber() + " ").contains("execve");
            // the side pane is too narrow for the output column: the whole output is under the tree
            assertThat(robot.lookup("#detectionOutput").queryAs(Label.class).getText())
                    .isEqualTo("#" + d.eventNumber() + " " + PACKAGE_RULE + ": " + d.output())
                    .contains("command=" + apt.cmdlines().get(i) + " ");
            // kubectl exec's runc started bash, which started apt
            List<ProcessRecord> chain = ancestry(robot);
            assertThat(chain).extracting(ProcessRecord::comm).startsWith("apt", "bash", "runc");
            assertThat(chain.get(0).cmdline()).isEqualTo(apt.cmdlines().get(i));
            assertThat(robot.lookup("#detailsContainer").queryAs(Label.class).getText())
                    .startsWith("container: " + apt.fields().get("container.id") + " nginx ")
                    .endsWith("pod: " + apt.fields().get("k8s.ns.name") + "/" + apt.fields().get("k8s.pod.name"));
        }
    }

    private static List<TreeItem<ProcessRecord>> all(TreeItem<ProcessRecord> at) {
        List<TreeItem<ProcessRecord>> out = new ArrayList<>();
        if (at.getValue() != null) {
            out.add(at);
        }
        at.getChildren().forEach(c -> out.addAll(all(c)));
        return out;
    }

    @Test
    void theProcessTreeShowsRuncBashAptAndCurlAndSelectingCurlShowsItsEvents(FxRobot robot) throws Exception {
        openTutorial(robot, List.of());
        @SuppressWarnings("unchecked")
        TreeTableView<ProcessRecord> tree = robot.lookup("#processTree").queryAs(TreeTableView.class);
        List<TreeItem<ProcessRecord>> runcs = all(tree.getRoot()).stream()
                .filter(i -> i.getValue().comm().equals("runc")).toList();
        assertThat(runcs).hasSize(1);
        List<TreeItem<ProcessRecord>> shells = runcs.get(0).getChildren();
        assertThat(shells).extracting(i -> i.getValue().cmdline()).containsExactly("bash");
        List<String> commands = shells.get(0).getChildren().stream().map(i -> i.getValue().cmdline()).toList();
        assertThat(commands).containsSubsequence("apt update", "apt install -y curl", "curl https://google.com");
        TreeItem<ProcessRecord> curl = shells.get(0).getChildren().stream()
                .filter(i -> i.getValue().comm().equals("curl")).findFirst().orElseThrow();

        int all = table(robot).getItems().size();
        int at = tree.getRow(curl);
        robot.interact(() -> tree.scrollTo(at));
        robot.clickOn(robot.lookup(".tree-table-row-cell").match(n -> n instanceof javafx.scene.control.TreeTableRow<?> r
                && r.getItem() == curl.getValue()).queryAs(javafx.scene.Node.class));
        // sysdig's view of the same process (its host pid) is the table's
        List<String> expected = sysdigKeys("proc.pid=" + curl.getValue().pid());
        assertThat(expected).hasSize((int) curl.getValue().events());
        assertThat(shownKeys(robot)).containsExactlyElementsOf(expected).hasSizeLessThan(all);
        assertThat(shownRows(robot)).extracting(EventRow::process).contains("curl");
        robot.clickOn("#allProcesses");
        assertThat(table(robot).getItems()).hasSize(all);
    }

    @Test
    void theFalcoDocsHelmRuleIsEditedRunAndDebuggedOnCurl(FxRobot robot) throws Exception {
        SampleManifest.Expected curl = SampleManifest.expected(TUTORIAL, "custom").stream()
                .filter(e -> e.rule().equals(CURL_RULE)).findFirst().orElseThrow();
        // the chart mounts the values file's rules after Falco's falco_rules.yaml (spawned_process)
        Path falcoRules = ConformanceCaptures.requireRoot()
                .resolve("rules-upstream/falco-rules-5.1.0/falco_rules.yaml");
        Path values = SampleManifest.capture("falco-values-curl.yaml");
        open(robot, SampleManifest.capture(TUTORIAL), falcoRules);
        assertThat(model.detections()).noneMatch(d -> d.rule().equals(CURL_RULE));
        robot.interact(() -> robot.lookup("#workspace").queryAs(TabPane.class).getSelectionModel()
                .select(window.rulesTabs().tabs().get(0)));
        robot.interact(() -> {
            try {
                window.rulesTabs().editor().viewModel().open(values, null);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        assertThat(robot.lookup("#rulesDocumentTitle").queryAs(Labeled.class).getText())
                .isEqualTo("falco-values-curl.yaml > customRules/rules-curl.yaml");
        assertThat(window.rulesTabs().editor().area().getText()).startsWith("- rule: " + CURL_RULE + "\n");
        robot.clickOn("#runRulesButton");
        List<Detection> found = model.detections().stream().filter(d -> d.rule().equals(CURL_RULE)).toList();
        assertThat(found).hasSize(curl.count());
        assertThat(found.get(0).output()).startsWith("Curl command executed: " + curl.cmdlines().get(0) + " container_id="
                + curl.fields().get("container.id") + " ");

        // from the detection to the debugger, as the Detections pane offers it
        robot.clickOn("#detectionsTab");
        TreeItem<DetectionsView.Entry> group = detectionsTree(robot).getRoot().getChildren().stream()
                .filter(g -> g.getValue().group().rule().equals(CURL_RULE)).findFirst().orElseThrow();
        robot.interact(() -> group.setExpanded(true));
        robot.interact(() -> detectionsTree(robot).getSelectionModel().select(group.getChildren().get(0)));
        robot.clickOn("#debugDetection");
        long event = found.get(0).eventNumber();
        assertThat(window.rulesTabs().debugger().viewModel().ruleProperty().get()).isEqualTo(CURL_RULE);
        assertThat(robot.lookup("#debugVerdict").queryAs(Labeled.class).getText())
                .isEqualTo("Event " + event + ": the rule matches");
        @SuppressWarnings("unchecked")
        TreeView<DebugRow> debug = robot.lookup("#debugTree").queryAs(TreeView.class);
        List<TreeItem<DebugRow>> rows = debugRows(debug.getRoot());
        TreeItem<DebugRow> name = rows.stream().filter(i -> i.getValue().label().startsWith("proc.name")).findFirst().orElseThrow();
        assertThat(name.getValue().label()).isEqualTo("proc.name == curl");
        assertThat(name.getValue().state()).isEqualTo("true");
        assertThat(name.getValue().values()).containsEntry("proc.name", "curl");
        assertThat(rows).anyMatch(i -> i.getValue().label().equals("macro spawned_process") && i.getValue().state().equals("true"));
    }

    private static List<TreeItem<DebugRow>> debugRows(TreeItem<DebugRow> item) {
        List<TreeItem<DebugRow>> out = new ArrayList<>();
        out.add(item);
        item.getChildren().forEach(c -> out.addAll(debugRows(c)));
        return out;
    }

    @Test
    void aContainerFilterShowsExactlyTheRowsSysdigPrints(FxRobot robot) throws Exception {
        String id = (String) SampleManifest.expected(TUTORIAL, "starter").get(0).fields().get("container.id");
        String filter = "container.id = " + id + " and evt.type = execve";
        openTutorial(robot, List.of());
        int all = table(robot).getItems().size();
        TextField field = robot.lookup("#filterField").queryAs(TextField.class);
        robot.clickOn(field);
        robot.interact(() -> field.setText(filter));
        assertThat(field.getStyleClass()).contains("filter-valid");
        robot.type(KeyCode.ENTER);
        List<String> expected = sysdigKeys(filter);
        // runc, bash, apt and its helpers, curl: every execve exit in the Pod
        assertThat(expected).hasSizeGreaterThanOrEqualTo(4);
        assertThat(shownKeys(robot)).containsExactlyElementsOf(expected);
        assertThat(shownRows(robot)).extracting(EventRow::type).containsOnly("execve");
        assertThat(shownRows(robot)).extracting(EventRow::process).contains("runc", "bash", "apt", "curl");
        assertThat(robot.lookup("#rowsLabel").queryAs(Label.class).getText()).isEqualTo(expected.size() + " of " + all + " events");
    }
}
