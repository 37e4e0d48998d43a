package dev.saker.ui.processes;

import static org.assertj.core.api.Assertions.assertThat;

import dev.saker.index.ProcessRecord;
import dev.saker.ui.WorkbenchTestBase;
import java.nio.file.Path;
import java.util.List;
import javafx.scene.control.IndexedCell;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TableView;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeTableView;
import javafx.scene.text.Text;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;

/**
 * Command lines longer than their column (runc's in the bundled tutorial capture, 75
 * characters) are readable: in the cell's tooltip, and whole in a wrapped line under the process tree
 * and under the details' ancestry.
 */
class LongCommandLinesTest extends WorkbenchTestBase {
    static final Path TUTORIAL = Path.of("../sample-captures/tutorial.scap").toAbsolutePath().normalize();

    private FxRobot robot;

    @BeforeEach
    void openTutorial(FxRobot r) throws Exception {
        robot = r;
        open(r, TUTORIAL);
        robot.clickOn("#processesTab");
    }

    @SuppressWarnings("unchecked")
    private TreeTableView<ProcessRecord> tree() {
        return robot.lookup("#processTree").queryAs(TreeTableView.class);
    }

    /** The cell showing exactly {@code text}, and the text it draws (cut off with an ellipsis when too long). */
    private IndexedCell<?> cellWithText(String style, String text) {
        return robot.lookup(style).match(n -> n instanceof IndexedCell<?> c && text.equals(c.getText()))
                .queryAs(IndexedCell.class);
    }

    private static String drawn(IndexedCell<?> cell) {
        return ((Text) cell.lookup(".text")).getText();
    }

    @Test
    void aCommandLineCutOffInTheProcessTreeIsInItsTooltipAndWholeUnderTheTree() {
        TreeItem<ProcessRecord> runc = ProcessTreeViewTest.find(tree().getRoot(), "runc");
        String cmdline = runc.getValue().cmdline();
        assertThat(cmdline).startsWith("runc ").hasSizeGreaterThan(60);
        IndexedCell<?> cell = cellWithText(".tree-table-cell", cmdline);
        // the column is far narrower than the text: the cell draws it cut off
        assertThat(drawn(cell)).endsWith("...").hasSizeLessThan(cmdline.length());
        assertThat(cell.getTooltip().getText()).isEqualTo(cmdline);
        assertThat(cell.getTooltip().isWrapText()).isTrue();

        Label whole = robot.lookup("#processCommandLine").queryAs(Label.class);
        robot.interact(() -> tree().getFocusModel().focus(tree().getRow(runc)));
        assertThat(whole.getText()).isEqualTo(runc.getValue().pid() + " runc (container "
                + runc.getValue().containerId() + "): " + cmdline);
        // wrapped within the pane: several lines, none wider than the pane, the whole text drawn
        ScrollPane scroll = (ScrollPane) robot.lookup("#processCommandLine").queryAs(Label.class).getParent()
                .getParent().getParent();
        assertThat(whole.getHeight()).isGreaterThan(2 * whole.getFont().getSize() * 1.2);
        assertThat(whole.getWidth()).isLessThanOrEqualTo(scroll.getWidth());
        assertThat(drawnLines(whole)).isEqualTo(whole.getText().replaceAll("\\s+", ""));
    }

    @Test
    void theFilesAProcessUsedShowTheirWholeNameOnHover() {
        TreeItem<ProcessRecord> apt = ProcessTreeViewTest.find(tree().getRoot(), "apt");
        robot.interact(() -> tree().getSelectionModel().select(apt));
        ProcessRecord.FdUse first = window.processes().files().getItems().get(0);
        String text = first.type() + "  " + first.name() + "  (" + first.events() + ")";
        assertThat(cellWithText(".list-cell", text).getTooltip().getText()).isEqualTo(text);
    }

    @Test
    void theDetailsShowTheWholeCommandLineOfTheEventsProcessAndOfASelectedAncestor() {
        TreeItem<ProcessRecord> apt = ProcessTreeViewTest.find(tree().getRoot(), "apt");
        // apt's execve: its ancestors go up to runc
        int row = java.util.stream.IntStream.range(0, index().size())
                .filter(i -> model.rowsProperty().get().row(i).type().equals("execve")
                        && "apt".equals(index().threadName(i)))
                .findFirst().orElseThrow();
        robot.interact(() -> model.select(row));
        @SuppressWarnings("unchecked")
        TableView<ProcessRecord> ancestry = robot.lookup("#detailsAncestry").queryAs(TableView.class);
        List<ProcessRecord> chain = List.copyOf(ancestry.getItems());
        assertThat(chain).extracting(ProcessRecord::comm).startsWith("apt").contains("runc");
        Label whole = robot.lookup("#detailsCommandLine").queryAs(Label.class);
        assertThat(whole.getText()).isEqualTo(chain.get(0).pid() + " apt: " + apt.getValue().cmdline());

        ProcessRecord runc = chain.stream().filter(p -> p.comm().equals("runc")).findFirst().orElseThrow();
        robot.interact(() -> ancestry.scrollTo(runc));
        IndexedCell<?> cell = cellWithText(".table-cell", runc.cmdline());
        assertThat(drawn(cell)).endsWith("...");
        assertThat(cell.getTooltip().getText()).isEqualTo(runc.cmdline());
        robot.interact(() -> ancestry.getSelectionModel().select(runc));
        assertThat(whole.getText()).isEqualTo(runc.pid() + " runc: " + runc.cmdline());
        // the label wraps inside its scroll pane: every character of the command line is drawn
        assertThat(drawnLines(whole)).isEqualTo(whole.getText().replaceAll("\\s+", ""));
        ScrollPane scroll = (ScrollPane) whole.getParent().getParent().getParent();
        assertThat(whole.getWidth()).isLessThanOrEqualTo(scroll.getViewportBounds().getWidth() + 1);
        // the container line wraps too
        Label container = robot.lookup("#detailsContainer").queryAs(Label.class);
        assertThat(container.isWrapText()).isTrue();
        assertThat(((Text) container.lookup(".text")).getText()).doesNotEndWith("...");
    }

    /** What a wrapped label draws, its lines joined without blanks (wrapping eats the blank at a break). */
    private static String drawnLines(Label l) {
        StringBuilder b = new StringBuilder();
        for (javafx.scene.Node n : l.lookupAll(".text")) {
            b.append(((Text) n).getText());
        }
        return b.toString().replaceAll("\\s+", "");
    }
}
