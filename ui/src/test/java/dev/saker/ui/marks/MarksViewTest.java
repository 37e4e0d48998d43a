package dev.saker.ui.marks;

import static org.assertj.core.api.Assertions.assertThat;

import dev.saker.index.EventMarks;
import dev.saker.ui.WorkbenchTestBase;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.css.PseudoClass;
import javafx.scene.control.ListView;
import javafx.scene.control.TableRow;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;

class MarksViewTest extends WorkbenchTestBase {
    @TempDir
    Path dir;

    @Test
    void markCommentJumpAndReopenFromTheSidecar(FxRobot robot) throws Exception {
        Path sidecar = dir.resolve("curl_google.scap.saker-marks");
        robot.interact(() -> model.setMarksSidecar(c -> sidecar));
        open(robot, capture("libs/curl_google.scap"));
        robot.clickOn("#marksTab");
        // mark rows 2 and 5 with Shortcut+M, as a user does
        robot.clickOn(table(robot));
        robot.interact(() -> model.select(5));
        robot.push(KeyCode.SHORTCUT, KeyCode.M);
        robot.interact(() -> model.select(2));
        robot.push(KeyCode.SHORTCUT, KeyCode.M);
        long second = index().number(2);
        long fifth = index().number(5);
        @SuppressWarnings("unchecked")
        ListView<EventMarks.Mark> list = robot.lookup("#marksList").queryAs(ListView.class);
        assertThat(list.getItems()).extracting(EventMarks.Mark::number).containsExactly(second, fifth);
        // the marked rows show as :marked in the table
        long markedRows = robot.lookup(".table-row-cell").queryAllAs(TableRow.class).stream()
                .filter(r -> r.getPseudoClassStates().contains(PseudoClass.getPseudoClass("marked"))).count();
        assertThat(markedRows).isEqualTo(2);

        // select the second mark in the list: its event is selected; comment it
        robot.clickOn(robot.lookup(".list-cell").match((javafx.scene.control.ListCell<?> c) -> c.getIndex() == 1
                && c.isVisible()).queryAs(javafx.scene.Node.class));
        assertThat(model.selectedRowProperty().get()).isEqualTo(5);
        robot.clickOn("#markComment").write("the suspicious one").type(KeyCode.ENTER);
        assertThat(list.getItems().get(1)).isEqualTo(new EventMarks.Mark(fifth, "the suspicious one"));
        assertThat(robot.lookup(".list-cell").match((javafx.scene.control.ListCell<?> c) -> c.getIndex() == 1)
                .queryAs(javafx.scene.control.ListCell.class).getText())
                .startsWith("event " + fifth + "  ").endsWith(": the suspicious one");

        // Next and Previous step through the marks, wrapping
        robot.clickOn("#markNext");
        assertThat(model.selectedRowProperty().get()).isEqualTo(2);
        robot.clickOn("#markPrevious");
        assertThat(model.selectedRowProperty().get()).isEqualTo(5);

        // saved next to the capture: reopening brings them back
        assertThat(Files.readString(sidecar)).contains(fifth + "\tthe suspicious one");
        open(robot, capture("libs/curl_google.scap"));
        assertThat(list.getItems()).extracting(EventMarks.Mark::comment).containsExactly("", "the suspicious one");

        // unmark from the pane's button
        robot.interact(() -> model.select(2));
        robot.clickOn("#markToggle");
        assertThat(list.getItems()).extracting(EventMarks.Mark::number).containsExactly(fifth);
    }

    @Test
    void withoutASidecarMarksLastForTheSession(FxRobot robot) throws Exception {
        open(robot, capture("libs/curl_google.scap"));
        robot.interact(() -> {
            model.select(3);
            window.marks().viewModel().toggleSelected();
        });
        assertThat(window.marks().viewModel().marks()).hasSize(1);
        assertThat(Files.exists(EventMarks.sidecarOf(capture("libs/curl_google.scap")))).isFalse();
    }
}
