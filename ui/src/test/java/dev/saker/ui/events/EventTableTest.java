package dev.saker.ui.events;

import static org.assertj.core.api.Assertions.assertThat;

import dev.saker.fields.LibsEdition;
import dev.saker.format.FieldOutput;
import dev.saker.ui.WorkbenchTestBase;
import java.nio.file.Path;
import java.util.List;
import javafx.scene.control.TableColumn;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;

class EventTableTest extends WorkbenchTestBase {

    @Test
    void aColumnCanBeAddedFromAnyFieldWithTheValuesSakerReadPrints(FxRobot robot) throws Exception {
        Path capture = capture("libs/sample.scap");
        open(robot, capture);
        EventTableViewModel vm = window.events().viewModel();
        robot.interact(() -> assertThat(vm.addFieldColumn("fd.name")).isNull());
        TableColumn<Integer, ?> column = table(robot).getColumns().stream()
                .filter(c -> c.getText().equals("fd.name")).findFirst().orElseThrow();
        StringBuilder out = new StringBuilder();
        FieldOutput.text("*%fd.name").write(capture, LibsEdition.CURRENT, out, -1);
        List<String> expected = out.toString().lines().toList();
        assertThat(table(robot).getItems()).hasSize(expected.size());
        for (int i = 0; i < expected.size(); i++) {
            assertThat(column.getCellData(i)).as("row %d", i).isEqualTo(expected.get(i));
        }
    }

    @Test
    void aNameThatIsNotAFieldIsRefused(FxRobot robot) throws Exception {
        open(robot, capture("libs/sample.scap"));
        EventTableViewModel vm = window.events().viewModel();
        robot.interact(() -> assertThat(vm.addFieldColumn("fd.nmae")).isEqualTo("not a field: fd.nmae"));
        assertThat(table(robot).getColumns()).hasSize(8);
    }

    @Test
    void selectedRowsCopyAsTextAndJsonAndExportAsACapture(FxRobot robot) throws Exception {
        open(robot, capture("libs/sample.scap"));
        robot.interact(() -> table(robot).getSelectionModel().selectRange(3, 8));
        List<Integer> rows = window.events().selectedRows();
        assertThat(rows).containsExactly(3, 4, 5, 6, 7);
        EventTableViewModel vm = window.events().viewModel();
        List<String> text = vm.asText(rows).lines().toList();
        assertThat(text).hasSize(5);
        assertThat(text.get(0)).isEqualTo(model.rowsProperty().get().row(3).line());
        assertThat(vm.asJson(rows).lines().toList()).hasSize(5).allMatch(l -> l.startsWith("{\"evt.num\":"));
        Path out = java.nio.file.Files.createTempFile("saker-export", ".scap");
        try {
            long[] written = {-1};
            robot.interact(() -> vm.export(rows, out, n -> written[0] = n));
            assertThat(written[0]).isEqualTo(5);
            assertThat(dev.saker.index.CaptureIndexer.build(out).size()).isEqualTo(5);
        } finally {
            java.nio.file.Files.deleteIfExists(out);
        }
    }

    @Test
    void openingASmallerCaptureWhileAProcessIsSelectedShowsExactlyTheNewRows(FxRobot robot) throws Exception {
        open(robot, capture("libs/sample.scap"));
        var tree = window.processes().tree();
        robot.interact(() -> {
            for (int i = 0; i < tree.getExpandedItemCount(); i++) {
                if (tree.getTreeItem(i).getValue() != null && tree.getTreeItem(i).getValue().comm().equals("sysdig")) {
                    tree.getSelectionModel().select(i);
                }
            }
        });
        assertThat(model.shownRowsProperty().get()).isNotNull();
        Path smaller = legacy("trace_files/cat_write.scap");
        open(robot, smaller);
        assertThat(model.queryProperty().get().selectsAll()).isTrue();
        assertThat(table(robot).getItems()).hasSize(index().size());
        int last = index().size() - 1;
        assertThat(table(robot).getColumns().get(0).getCellData(last)).isEqualTo(Long.toString(index().number(last)));
    }

    @Test
    void recentFilesReopenACapture(FxRobot robot) throws Exception {
        Path a = capture("libs/sample.scap");
        Path b = capture("libs/curl_google.scap");
        open(robot, a);
        open(robot, b);
        assertThat(model.recentFiles().paths()).containsExactly(b.toAbsolutePath().normalize(), a.toAbsolutePath().normalize());
        robot.clickOn("File").clickOn("#recentMenu");
        robot.clickOn(a.toAbsolutePath().normalize().toString());
        assertThat(model.capture()).isEqualTo(a.toAbsolutePath().normalize());
        assertThat(table(robot).getItems()).hasSize(index().size());
    }
}
