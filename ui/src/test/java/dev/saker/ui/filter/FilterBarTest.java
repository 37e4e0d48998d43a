package dev.saker.ui.filter;

import static org.assertj.core.api.Assertions.assertThat;

import dev.saker.index.EventRow;
import dev.saker.ui.WorkbenchTestBase;
import java.util.stream.IntStream;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

class FilterBarTest extends WorkbenchTestBase {
    private FxRobot robot;

    @BeforeEach
    void openCapture(FxRobot r) throws Exception {
        robot = r;
        open(r, capture("libs/curl_google.scap"));
    }

    private TextField field() {
        return robot.lookup("#filterField").queryAs(TextField.class);
    }

    private void type(String text) {
        robot.clickOn(field());
        robot.interact(() -> field().clear());
        robot.write(text);
    }

    @Test
    void aValidFilterIsGreenAndEnterShowsOnlyTheEventsItMatches() {
        int all = table(robot).getItems().size();
        type("evt.type=open and evt.dir=<");
        assertThat(field().getStyleClass()).contains("filter-valid");
        robot.type(KeyCode.ENTER);
        // counted independently of the filter engine: from the rendered rows of the whole capture
        long expected = IntStream.range(0, index().size()).mapToObj(i -> model.rowsProperty().get().row(i))
                .filter(r -> r.type().equals("open") && r.direction().equals("<")).count();
        assertThat(expected).isPositive();
        assertThat(table(robot).getItems()).hasSize((int) expected).hasSizeLessThan(all);
        assertThat(shownRows(robot)).extracting(EventRow::type).containsOnly("open");
        assertThat(robot.lookup("#rowsLabel").queryAs(Label.class).getText()).isEqualTo(expected + " of " + all + " events");
    }

    @Test
    void anUnfinishedFilterIsIncompleteAndNotApplied() {
        int all = table(robot).getItems().size();
        type("evt.type=open and");
        assertThat(field().getStyleClass()).contains("filter-incomplete");
        robot.type(KeyCode.ENTER);
        assertThat(table(robot).getItems()).hasSize(all);
    }

    @Test
    void anInvalidFilterIsRedWithItsSpanUnderlinedAndTheMessageShown() {
        int all = table(robot).getItems().size();
        type("evt.type=open and proc.nme=curl");
        assertThat(field().getStyleClass()).contains("filter-invalid");
        String message = robot.lookup("#filterMessage").queryAs(Label.class).getText();
        assertThat(message).contains("proc.nme");
        assertThat(field().getTooltip().getText()).isEqualTo(message);
        double[] underline = window.filterBar().underlineExtent();
        assertThat(underline).isNotNull();
        // under "proc.nme": to the right of "evt.type=open and " and narrower than the whole text
        var skin = (javafx.scene.control.skin.TextFieldSkin) field().getSkin();
        double spanStart = skin.getCharacterBounds("evt.type=open and ".length()).getMinX();
        assertThat(underline[0]).isCloseTo(spanStart, org.assertj.core.data.Offset.offset(1.0));
        assertThat(underline[1]).isGreaterThan(underline[0]).isLessThanOrEqualTo(
                skin.getCharacterBounds(field().getText().length() - 1).getMaxX() + 1);
        robot.type(KeyCode.ENTER);
        assertThat(table(robot).getItems()).hasSize(all);
        // fixing it turns it green and removes the underline
        robot.interact(() -> field().setText("evt.type=open and proc.name=curl"));
        assertThat(field().getStyleClass()).contains("filter-valid");
        assertThat(window.filterBar().underlineExtent()).isNull();
    }

    @Test
    void fieldNamesCompleteTheWordAtTheCaret() {
        type("evt.type=open and proc.nam");
        WaitForAsyncUtils.waitForFxEvents();
        // ControlsFX fetches suggestions on its own thread, then shows the popup
        WaitForAsyncUtils.sleep(600, java.util.concurrent.TimeUnit.MILLISECONDS);
        WaitForAsyncUtils.waitForFxEvents();
        var popup = robot.lookup(".auto-complete-popup").tryQuery();
        assertThat(popup).isPresent();
        @SuppressWarnings("unchecked")
        javafx.scene.control.ListView<String> list = robot.lookup(".auto-complete-popup .list-view")
                .queryAs(javafx.scene.control.ListView.class);
        assertThat(list.getItems()).contains("proc.name").allMatch(s -> s.startsWith("proc.nam"));
        robot.interact(() -> list.getSelectionModel().select("proc.name"));
        robot.type(KeyCode.ENTER);
        assertThat(field().getText()).isEqualTo("evt.type=open and proc.name");
    }

    @Test
    void macrosOfTheLoadedRulesCompleteAndFilter() throws Exception {
        var starter = dev.saker.rules.StarterRules.source();
        robot.interact(() -> model.setRules(java.util.List.of(starter)));
        type("evt.dir=< and saker_sp");
        WaitForAsyncUtils.sleep(600, java.util.concurrent.TimeUnit.MILLISECONDS);
        WaitForAsyncUtils.waitForFxEvents();
        @SuppressWarnings("unchecked")
        javafx.scene.control.ListView<String> list = robot.lookup(".auto-complete-popup .list-view")
                .queryAs(javafx.scene.control.ListView.class);
        assertThat(list.getItems()).containsExactly("saker_spawned");
        robot.interact(() -> list.getSelectionModel().select("saker_spawned"));
        robot.type(KeyCode.ENTER);
        assertThat(field().getText()).isEqualTo("evt.dir=< and saker_spawned");
        assertThat(field().getStyleClass()).contains("filter-valid");
        robot.type(KeyCode.ENTER);
        // the macro's body written out selects the same rows
        var expected = dev.saker.index.RowFilter.run(index(), dev.saker.index.RowQuery.ALL.withCondition(
                "evt.dir=< and (evt.type in (execve, execveat) and evt.rawres = 0)"), () -> false);
        assertThat(expected.size()).isPositive();
        assertThat(table(robot).getItems()).hasSize(expected.size());
        assertThat(shownRows(robot)).extracting(EventRow::type).containsOnly("execve");
        // without those rules the same text is an unknown name again
        robot.interact(() -> model.setRules(java.util.List.of()));
        assertThat(field().getStyleClass()).contains("filter-invalid");
    }

    @Test
    void valuesPresentInTheCaptureCompleteAfterAComparison() {
        type("evt.type=open and proc.name=cu");
        WaitForAsyncUtils.sleep(600, java.util.concurrent.TimeUnit.MILLISECONDS);
        WaitForAsyncUtils.waitForFxEvents();
        @SuppressWarnings("unchecked")
        javafx.scene.control.ListView<String> list = robot.lookup(".auto-complete-popup .list-view")
                .queryAs(javafx.scene.control.ListView.class);
        assertThat(list.getItems()).containsExactly("curl");
        robot.interact(() -> list.getSelectionModel().select("curl"));
        robot.type(KeyCode.ENTER);
        assertThat(field().getText()).isEqualTo("evt.type=open and proc.name=curl");
        assertThat(field().getStyleClass()).contains("filter-valid");
    }

    @SuppressWarnings("unchecked")
    private javafx.scene.control.ListView<String> suggestions() {
        // ControlsFX fetches suggestions on its own thread (a field's first pass reads the capture), then shows the popup
        WaitForAsyncUtils.sleep(900, java.util.concurrent.TimeUnit.MILLISECONDS);
        WaitForAsyncUtils.waitForFxEvents();
        return robot.lookup(".auto-complete-popup .list-view").queryAs(javafx.scene.control.ListView.class);
    }

    @Test
    void listsOfTheLoadedRulesCompleteInsideInAndFilterAsTheirItems() throws Exception {
        var starter = dev.saker.rules.StarterRules.source();
        robot.interact(() -> model.setRules(java.util.List.of(starter)));
        var lists = model.filterMacrosProperty().get().listNames();
        assertThat(lists).contains("saker_network_tools", "saker_shells");
        type("evt.type=execve and proc.name in (");
        var list = suggestions();
        // the rules' lists first, then the process names of the capture
        assertThat(list.getItems()).startsWith(lists.toArray(String[]::new)).contains("curl");
        // the popup says which names are lists
        assertThat(robot.lookup(".auto-complete-popup .list-cell").queryAllAs(javafx.scene.control.ListCell.class))
                .extracting(javafx.scene.control.ListCell::getText).contains("saker_network_tools  (list)", "curl");
        robot.interact(() -> list.getSelectionModel().select("saker_network_tools"));
        robot.type(KeyCode.ENTER);
        assertThat(field().getText()).isEqualTo("evt.type=execve and proc.name in (saker_network_tools");
        robot.write(")");
        assertThat(field().getStyleClass()).contains("filter-valid");
        robot.type(KeyCode.ENTER);
        // the same rows as the list's items written out (curl's execve), where the bare name would find none
        var written = dev.saker.index.RowFilter.run(index(), dev.saker.index.RowQuery.ALL.withCondition(
                "evt.type=execve and proc.name in (curl, wget, nc, ncat, netcat, socat, nmap, telnet)"), () -> false);
        assertThat(written.size()).isPositive();
        assertThat(table(robot).getItems()).hasSize(written.size());
        assertThat(shownRows(robot)).extracting(EventRow::type).containsOnly("execve");
        assertThat(dev.saker.index.RowFilter.run(index(), dev.saker.index.RowQuery.ALL.withCondition(
                "evt.type=execve and proc.name in (saker_network_tools)"), () -> false).size()).isZero();
    }

    @Test
    void valuesOfFieldsTheIndexDoesNotKeepComplete() {
        type("evt.type=conn");
        var list = suggestions();
        assertThat(list.getItems()).containsExactly("connect");
        robot.interact(() -> list.getSelectionModel().select("connect"));
        robot.type(KeyCode.ENTER);
        assertThat(field().getText()).isEqualTo("evt.type=connect");
        type("evt.type in (open, ");
        assertThat(suggestions().getItems()).contains("close", "connect", "execve", "read").doesNotContain("open")
                .isEqualTo(new dev.saker.index.CaptureValues(index()).of("evt.type").stream()
                        .filter(v -> !v.equals("open")).toList());
        type("evt.type=open and user.name=");
        assertThat(suggestions().getItems()).isNotEmpty()
                .isEqualTo(new dev.saker.index.CaptureValues(index()).of("user.name"));
    }

    @Test
    void appliedFiltersGoToTheHistoryNewestFirst() {
        type("evt.type=open");
        robot.type(KeyCode.ENTER);
        type("proc.name=curl");
        robot.type(KeyCode.ENTER);
        MenuButton history = robot.lookup("#filterHistory").queryAs(MenuButton.class);
        assertThat(history.getItems()).extracting(MenuItem::getText).containsExactly("proc.name=curl", "evt.type=open");
        int curlOnly = table(robot).getItems().size();
        robot.interact(() -> history.getItems().get(1).fire());
        assertThat(field().getText()).isEqualTo("evt.type=open");
        assertThat(table(robot).getItems().size()).isNotEqualTo(curlOnly);
        assertThat(shownRows(robot)).extracting(EventRow::type).containsOnly("open");
    }
}
