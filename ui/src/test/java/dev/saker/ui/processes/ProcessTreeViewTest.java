package dev.saker.ui.processes;

import static org.assertj.core.api.Assertions.assertThat;

import dev.saker.index.ProcessRecord;
import dev.saker.index.RowFilter;
import dev.saker.index.RowQuery;
import dev.saker.index.RowSet;
import dev.saker.ui.WorkbenchTestBase;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeTableView;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;

class ProcessTreeViewTest extends WorkbenchTestBase {

    @SuppressWarnings("unchecked")
    private TreeTableView<ProcessRecord> tree(FxRobot robot) {
        return robot.lookup("#processTree").queryAs(TreeTableView.class);
    }

    private static TreeItem<ProcessRecord> find(TreeItem<ProcessRecord> at, String comm) {
        if (at.getValue() != null && at.getValue().comm().equals(comm)) {
            return at;
        }
        for (TreeItem<ProcessRecord> c : at.getChildren()) {
            TreeItem<ProcessRecord> f = find(c, comm);
            if (f != null) {
                return f;
            }
        }
        return null;
    }

    @Test
    void theTreeShowsWhoStartedWhom(FxRobot robot) throws Exception {
        open(robot, capture("libs/curl_google.scap"));
        TreeItem<ProcessRecord> curl = find(tree(robot).getRoot(), "curl");
        assertThat(curl).isNotNull();
        assertThat(curl.getParent().getValue().comm()).isEqualTo("bash");
        assertThat(curl.getValue().cmdline()).isEqualTo("curl -6 http://www.google.com");
        assertThat(curl.getValue().events()).isPositive();
    }

    @Test
    void selectingAProcessShowsOnlyItsEventsAndAllProcessesShowsEveryEvent(FxRobot robot) throws Exception {
        open(robot, capture("libs/sample.scap"));
        int all = table(robot).getItems().size();
        TreeItem<ProcessRecord> proc = find(tree(robot).getRoot(), "sysdig");
        int row = tree(robot).getRow(proc);
        robot.interact(() -> tree(robot).scrollTo(row));
        robot.clickOn(robot.lookup(".tree-table-row-cell").match(n -> n instanceof javafx.scene.control.TreeTableRow<?> r
                && r.getItem() == proc.getValue()).queryAs(javafx.scene.Node.class));
        // the same selection through the condition language (a separate path: proc.pid on every event)
        RowSet expected = RowFilter.run(index(), RowQuery.ALL.withCondition("proc.pid=" + proc.getValue().pid()), () -> false);
        assertThat(table(robot).getItems()).hasSize(expected.size()).hasSizeLessThan(all);
        assertThat(expected.size()).isEqualTo((int) proc.getValue().events());
        robot.clickOn("#allProcesses");
        assertThat(table(robot).getItems()).hasSize(all);
    }
}
