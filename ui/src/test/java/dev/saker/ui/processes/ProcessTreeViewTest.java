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

    /** The first item under {@code at} (depth first) whose process has this comm, or null. */
    static TreeItem<ProcessRecord> find(TreeItem<ProcessRecord> at, String comm) {
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
    void aSelectedProcessListsTheFilesAndConnectionsItUsed(FxRobot robot) throws Exception {
        open(robot, capture("libs/curl_google.scap"));
        TreeItem<ProcessRecord> curl = find(tree(robot).getRoot(), "curl");
        robot.interact(() -> tree(robot).getSelectionModel().select(curl));
        var files = window.processes().files().getItems();
        assertThat(files).extracting(ProcessRecord.FdUse::name).contains("/etc/ld.so.cache", "/etc/resolv.conf");
        // curl -6 connects over IPv6: a '6' socket with a tuple
        assertThat(files).anyMatch(u -> u.type() == '6' && u.name().contains("->"));
        // each count is the number of curl's events on that fd, as the condition language counts them
        ProcessRecord.FdUse cache = files.stream().filter(u -> u.name().equals("/etc/resolv.conf")).findFirst().orElseThrow();
        RowSet expected = RowFilter.run(index(), RowQuery.ALL.withCondition("proc.pid=" + curl.getValue().pid()
                + " and fd.name=/etc/resolv.conf"), () -> false);
        assertThat(cache.events()).isEqualTo(expected.size());
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
