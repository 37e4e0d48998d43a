package dev.saker.ui.details;

import static org.assertj.core.api.Assertions.assertThat;

import dev.saker.index.EventDetails;
import dev.saker.index.EventRow;
import dev.saker.index.ProcessRecord;
import dev.saker.ui.WorkbenchTestBase;
import java.util.stream.IntStream;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;

class DetailsViewTest extends WorkbenchTestBase {

    @Test
    void clickingARowShowsEveryParameterAndTheProcessWithItsAncestors(FxRobot robot) throws Exception {
        open(robot, capture("libs/curl_google.scap"));
        robot.clickOn(robot.lookup(".table-row-cell").nth(0).queryAs(javafx.scene.Node.class));
        EventRow first = model.rowsProperty().get().row(0);
        assertThat(model.selectedRowProperty().get()).isZero();
        assertThat(robot.lookup("#detailsHeader").queryAs(Label.class).getText())
                .startsWith("Event " + first.number() + " ").contains(first.type());
        @SuppressWarnings("unchecked")
        TableView<EventDetails.Param> params = robot.lookup("#detailsParams").queryAs(TableView.class);
        // the row's info line is made of the same parameters, name=value
        for (EventDetails.Param p : params.getItems()) {
            assertThat(first.info()).contains(p.name() + "=");
        }
        assertThat(params.getItems()).isNotEmpty();
        @SuppressWarnings("unchecked")
        TableView<ProcessRecord> ancestry = robot.lookup("#detailsAncestry").queryAs(TableView.class);
        // curl was started by bash from an ssh session: curl, bash, sshd ..., systemd
        assertThat(ancestry.getItems()).extracting(ProcessRecord::comm).startsWith("curl", "bash").contains("sshd")
                .endsWith("systemd");
        assertThat(ancestry.getItems().get(0).cmdline()).isEqualTo("curl -6 http://www.google.com");
        assertThat(robot.lookup("#detailsContainer").queryAs(Label.class).getText()).isEqualTo("container: host");
    }

    @Test
    void aReadShowsItsFdAndItsDataAsHexAndText(FxRobot robot) throws Exception {
        open(robot, capture("libs/curl_google.scap"));
        // the first read exit that returned data from a file
        int row = IntStream.range(0, index().size())
                .filter(i -> {
                    EventRow r = model.rowsProperty().get().row(i);
                    return r.type().equals("read") && r.direction().equals("<") && r.info().contains("data=")
                            && index().fd(i) != null && index().fd(i).view().typeChar() == 'f';
                }).findFirst().orElseThrow();
        robot.interact(() -> model.select(row));
        String fd = robot.lookup("#detailsFd").queryAs(Label.class).getText();
        assertThat(fd).startsWith("fd " + index().fd(row).num() + " (f): /");
        String bytes = robot.lookup("#detailsBytes").queryAs(TextArea.class).getText();
        assertThat(bytes).startsWith("data: ").contains("00000000  ");
        // an ELF library read: the magic shows in hex and as text
        assertThat(bytes).contains("7f 45 4c 46").contains(".ELF");
    }
}
