package dev.saker.ui.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.saker.engine.Detection;
import dev.saker.ui.WorkbenchTestBase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.geometry.Bounds;
import javafx.scene.control.Labeled;
import javafx.scene.control.ListView;
import javafx.scene.control.TabPane;
import org.fxmisc.richtext.CodeArea;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/** Edit a rule, see the error underlined with its message on hover, fix it, re-run: detections update. */
class RulesEditorTest extends WorkbenchTestBase {
    static final String RULES = """
            - macro: opened_file
              condition: evt.type in (open, openat) and evt.rawres >= 0
            - rule: Curl Loads Library From usr
              desc: curl opened a shared library under /usr/lib
              condition: >
                opened_file and proc.name = curl
                and fd.name startswith /usr/lib
              output: "curl loaded %fd.name"
              priority: NOTICE
            """;
    private Path rulesFile;

    Path writeRules(String text) throws Exception {
        rulesFile = Files.createTempFile("saker-rules", ".yaml");
        Files.writeString(rulesFile, text);
        return rulesFile;
    }

    @AfterEach
    void removeRules() throws Exception {
        if (rulesFile != null) {
            Files.deleteIfExists(rulesFile);
        }
    }

    RulesEditorView editor() {
        return window.rulesTabs().editor();
    }

    void showRulesTab(FxRobot robot) {
        robot.interact(() -> robot.lookup("#workspace").queryAs(TabPane.class).getSelectionModel()
                .select(window.rulesTabs().tabs().get(0)));
    }

    /** Types over {@code old} (first occurrence) and waits for the debounced background check to see it. */
    void edit(FxRobot robot, String old, String replacement) throws Exception {
        CodeArea area = editor().area();
        robot.interact(() -> {
            int at = area.getText().indexOf(old);
            area.replaceText(at, at + old.length(), replacement);
        });
        String expected = onFx(area::getText);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> onFx(() -> expected.equals(editor().viewModel().checkedText())));
        WaitForAsyncUtils.waitForFxEvents();
    }

    static <T> T onFx(java.util.concurrent.Callable<T> c) throws Exception {
        return WaitForAsyncUtils.asyncFx(c).get(10, TimeUnit.SECONDS);
    }

    List<Long> detectedEvents() {
        return model.detections().stream().map(Detection::eventNumber).toList();
    }

    @Test
    void anErrorIsUnderlinedWithItsMessageAndFixingAndRerunningUpdatesDetections(FxRobot robot) throws Exception {
        open(robot, capture("libs/curl_google.scap"), writeRules(RULES));
        showRulesTab(robot);
        List<Long> before = detectedEvents();
        assertThat(before).contains(229L).doesNotContain(219L, 247L);
        CodeArea area = editor().area();
        assertThat(area.getText()).isEqualTo(RULES);
        // highlighting: the field, the macro reference and the operator carry their classes
        int field = RULES.indexOf("proc.name");
        assertThat(area.getStyleOfChar(field + 1)).contains("tok-field");
        assertThat(area.getStyleOfChar(RULES.indexOf("opened_file and") + 1)).contains("tok-macro");
        assertThat(area.getStyleOfChar(RULES.indexOf("startswith") + 1)).contains("tok-operator");

        edit(robot, "proc.name = curl", "proc.nmae = curl");
        int bad = area.getText().indexOf("proc.nmae");
        assertThat(area.getStyleOfChar(bad + 2)).contains("problem-error");
        assertThat(area.getStyleOfChar(bad - 2)).doesNotContain("problem-error");
        ListView<?> problems = robot.lookup("#rulesProblems").queryListView();
        assertThat(problems.getItems()).hasSize(1);
        assertThat(robot.lookup("#rulesStatus").queryAs(Labeled.class).getText()).startsWith("Invalid: 1 error");
        // hovering over the underline shows the loader's message
        Bounds b = onFx(() -> area.getCharacterBoundsOnScreen(bad + 1, bad + 3).orElseThrow());
        robot.moveTo(new javafx.geometry.Point2D(b.getCenterX(), b.getCenterY()));
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> editor().hoverPopup().isShowing());
        // the popup is a window of its own: read its label there, not through a lookup from the main window
        String hover = onFx(() -> ((Labeled) editor().hoverPopup().getScene().lookup("#rulesHover")).getText());
        assertThat(hover).contains("LOAD_ERR_COMPILE_CONDITION").contains("proc.nmae");

        // running rules that do not load: no detections, and the editor says so
        robot.clickOn("#runRulesButton");
        assertThat(model.detections()).isEmpty();
        assertThat(robot.lookup("#rulesStatus").queryAs(Labeled.class).getText()).contains("did not load");

        // fix it from the keyboard: select the misspelt field and type over it
        robot.interact(() -> {
            area.requestFocus();
            area.selectRange(bad, bad + "proc.nmae".length());
        });
        robot.write("proc.name");
        String typed = onFx(area::getText);
        assertThat(typed).isEqualTo(RULES);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> onFx(() -> RULES.equals(editor().viewModel().checkedText())));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(problems.getItems()).isEmpty();
        assertThat(area.getStyleOfChar(bad + 2)).doesNotContain("problem-error");
        robot.clickOn("#runRulesButton");
        assertThat(detectedEvents()).isEqualTo(before);

        // a different condition: the detections list follows in place
        edit(robot, "startswith /usr/lib", "startswith /lib/");
        robot.clickOn("#runRulesButton");
        assertThat(detectedEvents()).contains(247L).doesNotContain(229L);
        assertThat(robot.lookup("#rulesStatus").queryAs(Labeled.class).getText()).startsWith("Rules ran: ");
    }

    @Test
    void completionOffersFieldsAndTheCapturesValues(FxRobot robot) throws Exception {
        open(robot, capture("libs/curl_google.scap"), writeRules(RULES));
        showRulesTab(robot);
        CodeArea area = editor().area();
        int at = RULES.indexOf("curl\n") ;
        robot.interact(() -> {
            area.replaceText(at, at + 4, "");
            area.moveTo(at);
            editor().complete();
        });
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(editor().completionMenu().getItems()).extracting(i -> i.getText()).contains("curl");
        robot.interact(() -> editor().completionMenu().getItems().stream().filter(i -> i.getText().equals("curl"))
                .findFirst().orElseThrow().fire());
        assertThat(area.getText()).isEqualTo(RULES);
        // a click gives the window and the editor the keyboard back from the menu
        robot.clickOn(area);
        robot.interact(() -> area.moveTo(area.getText().indexOf("proc.name") + "proc.na".length()));
        // Ctrl+Space opens the completion menu at the caret
        robot.press(javafx.scene.input.KeyCode.CONTROL, javafx.scene.input.KeyCode.SPACE)
                .release(javafx.scene.input.KeyCode.SPACE, javafx.scene.input.KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(editor().completionMenu().isShowing()).isTrue();
        assertThat(editor().completionMenu().getItems()).extracting(i -> i.getText()).containsExactly("proc.name")
                .allMatch(c -> c.startsWith("proc.na"));
    }

    @Test
    void aHelmValuesFileGivenAtStartIsEditedAsItsEmbeddedFile(FxRobot robot) throws Exception {
        String values = "customRules:\n  curl_rules.yaml: |\n" + RULES.indent(4);
        Path file = writeRules(values);
        open(robot, capture("libs/curl_google.scap"), file);
        showRulesTab(robot);
        assertThat(model.detections()).isNotEmpty();
        assertThat(editor().area().getText()).isEqualTo(RULES);
        assertThat(editor().viewModel().documentProperty().get()).isEqualTo(RulesDocument.helm(file, "curl_rules.yaml"));
        edit(robot, "NOTICE", "ERROR");
        robot.clickOn("#rulesSaveButton");
        assertThat(Files.readString(file)).isEqualTo(values.replace("NOTICE", "ERROR"));
    }

    @Test
    void aHelmValuesFileIsEditedAndSavedInPlace(FxRobot robot) throws Exception {
        String values = "driver:\n  kind: modern_ebpf\ncustomRules:\n  curl_rules.yaml: |-\n"
                + RULES.strip().indent(4).stripTrailing() + "\nfalcosidekick:\n  enabled: true\n";
        Path file = writeRules(values);
        robot.interact(() -> model.open(capture("libs/curl_google.scap")));
        showRulesTab(robot);
        robot.interact(() -> {
            try {
                editor().viewModel().open(file, null);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        assertThat(editor().area().getText()).isEqualTo(RULES.strip());
        assertThat(robot.lookup("#rulesDocumentTitle").queryAs(Labeled.class).getText())
                .isEqualTo(file.getFileName() + " > customRules/curl_rules.yaml");
        edit(robot, "NOTICE", "WARNING");
        robot.clickOn("#rulesSaveButton");
        String saved = Files.readString(file);
        assertThat(saved).isEqualTo(values.replace("NOTICE", "WARNING"));
        robot.clickOn("#runRulesButton");
        assertThat(model.detections()).isNotEmpty().allMatch(d -> d.priority().name().equals("WARNING"));
    }
}
