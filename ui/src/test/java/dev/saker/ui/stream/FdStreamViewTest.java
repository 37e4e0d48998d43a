package dev.saker.ui.stream;

import static org.assertj.core.api.Assertions.assertThat;

import dev.saker.index.EventRow;
import dev.saker.index.FdStream;
import dev.saker.ui.WorkbenchTestBase;
import java.util.stream.IntStream;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TabPane;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;

class FdStreamViewTest extends WorkbenchTestBase {

    @Test
    void followingCurlsHttpSocketShowsTheRequestThenTheResponseColouredByDirection(FxRobot robot) throws Exception {
        open(robot, capture("libs/curl_google.scap"));
        int sendto = IntStream.range(0, index().size()).filter(i -> {
            EventRow r = model.rowsProperty().get().row(i);
            return r.type().equals("sendto") && r.info().contains("2004:80");
        }).findFirst().orElseThrow();
        robot.interact(() -> model.select(sendto));
        // View > Follow fd stream's accelerator, as a user does it (the table's context menu has it too)
        robot.clickOn(table(robot));
        robot.interact(() -> model.select(sendto));
        robot.push(javafx.scene.input.KeyCode.SHORTCUT, javafx.scene.input.KeyCode.SHIFT, javafx.scene.input.KeyCode.F);
        TabPane workspace = robot.lookup("#workspace").queryAs(TabPane.class);
        assertThat(workspace.getSelectionModel().getSelectedItem().getId()).isEqualTo("streamTab");
        assertThat(robot.lookup("#fdStreamTitle").queryAs(Label.class).getText())
                .startsWith("fd 4 (6) ").contains("->2607:f8b0:4004:802::2004:80")
                .contains("4 chunks, 78 bytes written, 11502 bytes read");
        @SuppressWarnings("unchecked")
        ListView<FdStream.Chunk> chunks = robot.lookup("#fdStreamChunks").queryAs(ListView.class);
        assertThat(chunks.getItems()).extracting(FdStream.Chunk::direction).containsExactly(
                FdStream.Direction.WRITE, FdStream.Direction.READ, FdStream.Direction.READ, FdStream.Direction.READ);
        // the visible cells: the request red (write), the response blue (read)
        Node first = robot.lookup(".list-cell.fd-stream-write").match(Node::isVisible).queryAs(Node.class);
        assertThat(robot.from(first).lookup(".fd-stream-data").queryAs(Label.class).getText()).startsWith("GET / HTTP/1.1");
        assertThat(robot.from(first).lookup(".fd-stream-header").queryAs(Label.class).getText())
                .startsWith(">> write  sendto  78 bytes");
        Node reply = robot.lookup(".list-cell.fd-stream-read").match(Node::isVisible).queryAs(Node.class);
        assertThat(robot.from(reply).lookup(".fd-stream-data").queryAs(Label.class).getText()).startsWith("HTTP/1.1 200 OK");
        assertThat(robot.from(reply).lookup(".fd-stream-header").queryAs(Label.class).getText())
                .contains("6040 bytes (80 captured)");

        robot.clickOn("#fdStreamHex");
        Node hexFirst = robot.lookup(".list-cell.fd-stream-write").match(Node::isVisible).queryAs(Node.class);
        assertThat(robot.from(hexFirst).lookup(".fd-stream-data").queryAs(Label.class).getText())
                .startsWith("00000000  47 45 54 20 2f 20 48 54");

        // double-clicking the response selects its event
        javafx.scene.control.ListCell<?> cell = robot.lookup(".list-cell.fd-stream-read")
                .match((javafx.scene.control.ListCell<?> c) -> c.isVisible() && c.getIndex() == 1).query();
        robot.doubleClickOn(cell);
        assertThat(model.rowsProperty().get().row(model.selectedRowProperty().get()).number())
                .isEqualTo(chunks.getItems().get(1).number());
    }

    @Test
    void anEventWithoutAnFdHasNoStream(FxRobot robot) throws Exception {
        open(robot, capture("libs/curl_google.scap"));
        int noFd = IntStream.range(0, index().size()).filter(i -> index().fd(i) == null).findFirst().orElseThrow();
        robot.interact(() -> model.select(noFd));
        boolean[] followed = new boolean[1];
        robot.interact(() -> followed[0] = window.followSelected());
        assertThat(followed[0]).isFalse();
        assertThat(model.statusProperty().get()).contains("no fd");
        assertThat(robot.lookup("#workspace").queryAs(TabPane.class).getSelectionModel().getSelectedItem().getId())
                .isEqualTo("eventsTab");
    }
}
