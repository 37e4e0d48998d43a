package dev.saker.ui.rules;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceDialog;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.MenuItem;
import javafx.scene.control.Separator;
import javafx.scene.control.SplitPane;
import javafx.scene.control.ToolBar;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.stage.FileChooser;
import javafx.stage.Popup;
import org.fxmisc.flowless.VirtualizedScrollPane;
import org.fxmisc.richtext.CodeArea;
import org.fxmisc.richtext.LineNumberFactory;
import org.fxmisc.richtext.event.MouseOverTextEvent;
import org.fxmisc.richtext.model.StyleSpans;
import org.fxmisc.richtext.model.StyleSpansBuilder;

/**
 * The Rules tab: a code editor over the rules text with highlighting, the loader's problems
 * underlined (message on hover, listed below), completion on Ctrl+Space, open / save (also Helm values
 * files with customRules) and "Run rules" over the open capture. The text is checked in the background
 * a moment after typing stops.
 */
public final class RulesEditorView {
    static final Duration CHECK_DELAY = Duration.ofMillis(350);

    private final RulesEditorViewModel vm;
    private final CodeArea area = new CodeArea();
    private final ListView<EditorMark> problems = new ListView<>();
    private final BorderPane root = new BorderPane();
    private final Popup hover = new Popup();
    private final Label hoverLabel = new Label();
    private final ContextMenu completion = new ContextMenu();
    private boolean updatingFromModel;

    public RulesEditorView(RulesEditorViewModel vm) {
        this.vm = vm;
        root.setId("rulesEditor");
        root.getStylesheets().add(RulesEditorView.class.getResource("rules.css").toExternalForm());
        area.setId("rulesArea");
        area.setParagraphGraphicFactory(LineNumberFactory.get(area));
        area.replaceText(vm.textProperty().get());
        area.textProperty().addListener((o, a, b) -> {
            if (!updatingFromModel) {
                vm.setText(b);
            }
            restyle();
        });
        vm.textProperty().addListener((o, a, b) -> {
            if (!b.equals(area.getText())) {
                updatingFromModel = true;
                area.replaceText(b);
                updatingFromModel = false;
            }
        });
        area.multiPlainChanges().successionEnds(CHECK_DELAY).subscribe(ignore -> vm.check());
        vm.marksProperty().addListener((o, a, b) -> {
            restyle();
            problems.getItems().setAll(b);
        });
        hoverTips();
        completionKeys();
        problemList();
        SplitPane split = new SplitPane(new VirtualizedScrollPane<>(area), problems);
        split.setOrientation(Orientation.VERTICAL);
        split.setDividerPositions(0.8);
        SplitPane.setResizableWithParent(problems, false);
        root.setTop(toolBar());
        root.setCenter(split);
        Label status = new Label();
        status.setId("rulesStatus");
        status.textProperty().bind(vm.statusProperty());
        HBox bottom = new HBox(status);
        bottom.setPadding(new Insets(2, 6, 2, 6));
        root.setBottom(bottom);
        restyle();
        vm.check();
    }

    private ToolBar toolBar() {
        Button open = new Button("Open...");
        open.setId("rulesOpenButton");
        open.setOnAction(e -> chooseAndOpen());
        Button save = new Button("Save");
        save.setId("rulesSaveButton");
        save.setOnAction(e -> save(false));
        Button saveAs = new Button("Save As...");
        saveAs.setOnAction(e -> save(true));
        Label title = new Label();
        title.setId("rulesDocumentTitle");
        title.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(() ->
                vm.documentProperty().get().title() + (vm.dirtyProperty().get() ? " *" : ""),
                vm.documentProperty(), vm.dirtyProperty()));
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        Button run = new Button("Run rules on capture");
        run.setId("runRulesButton");
        run.setDefaultButton(false);
        run.setOnAction(e -> vm.run());
        run.disableProperty().bind(vm.model().rulesRunningProperty());
        ToolBar bar = new ToolBar(open, save, saveAs, new Separator(), title, spacer, run);
        bar.setId("rulesToolBar");
        return bar;
    }

    private void chooseAndOpen() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Open rules or Helm values file");
        chooser.getExtensionFilters().addAll(new FileChooser.ExtensionFilter("YAML", "*.yaml", "*.yml"),
                new FileChooser.ExtensionFilter("All files", "*"));
        File f = chooser.showOpenDialog(root.getScene().getWindow());
        if (f == null) {
            return;
        }
        try {
            List<String> entries = RulesEditorViewModel.helmEntries(f.toPath());
            String entry = null;
            if (entries.size() > 1) {
                ChoiceDialog<String> d = new ChoiceDialog<>(entries.get(0), entries);
                d.setHeaderText("Which customRules file of " + f.getName() + "?");
                Optional<String> pick = d.showAndWait();
                if (pick.isEmpty()) {
                    return;
                }
                entry = pick.get();
            }
            vm.open(f.toPath(), entry);
        } catch (IOException e) {
            vm.statusProperty().set("Cannot open " + f + ": " + e.getMessage());
        }
    }

    private void save(boolean as) {
        try {
            if (as || vm.documentProperty().get().file() == null) {
                FileChooser chooser = new FileChooser();
                chooser.setTitle("Save rules");
                chooser.setInitialFileName("custom_rules.yaml");
                File f = chooser.showSaveDialog(root.getScene().getWindow());
                if (f != null) {
                    vm.saveAs(f.toPath());
                }
            } else {
                vm.save();
            }
        } catch (IOException e) {
            vm.statusProperty().set("Cannot save: " + e.getMessage());
        }
    }

    /** Token classes, with the problem underlines laid over them. */
    private void restyle() {
        String t = area.getText();
        StyleSpans<Collection<String>> spans = spans(t.length(), vm.styles(t));
        List<EditorMark> marks = vm.marksProperty().get();
        if (!marks.isEmpty() && t.equals(vm.checkedText())) {
            List<StyledRange> under = new ArrayList<>();
            for (EditorMark m : marks) {
                under.add(new StyledRange(m.start(), m.end(), m.error() ? "problem-error" : "problem-warning"));
            }
            spans = spans.overlay(spans(t.length(), under), (a, b) -> {
                List<String> all = new ArrayList<>(a);
                all.addAll(b);
                return all;
            });
        }
        if (t.length() > 0) {
            area.setStyleSpans(0, spans);
        }
    }

    /** Spans over [0, length): each range its class, gaps none (overlaps keep the first). */
    private static StyleSpans<Collection<String>> spans(int length, List<StyledRange> ranges) {
        StyleSpansBuilder<Collection<String>> b = new StyleSpansBuilder<>();
        int at = 0;
        boolean any = false;
        for (StyledRange r : ranges) {
            int s = Math.max(r.start(), at);
            int e = Math.min(r.end(), length);
            if (e <= s) {
                continue;
            }
            if (s > at) {
                b.add(List.of(), s - at);
            }
            b.add(List.of(r.styleClass()), e - s);
            at = e;
            any = true;
        }
        if (length > at || !any) {
            b.add(List.of(), Math.max(0, length - at));
        }
        return b.create();
    }

    private void hoverTips() {
        // a popup is its own scene: the tab's stylesheet does not reach it
        hoverLabel.setStyle("-fx-background-color: #fffbe6; -fx-border-color: #b0a070; -fx-padding: 4 6 4 6;"
                + " -fx-text-fill: #202020; -fx-font-size: 12px;");
        hoverLabel.setId("rulesHover");
        hover.getContent().add(hoverLabel);
        area.setMouseOverTextDelay(Duration.ofMillis(300));
        area.addEventHandler(MouseOverTextEvent.MOUSE_OVER_TEXT_BEGIN, e -> {
            List<String> msgs = vm.messagesAt(e.getCharacterIndex());
            if (!msgs.isEmpty()) {
                showHover(String.join("\n", msgs), e.getScreenPosition());
            }
        });
        area.addEventHandler(MouseOverTextEvent.MOUSE_OVER_TEXT_END, e -> hover.hide());
    }

    /** Shows the hover message at a screen point (what hovering over an underline does). */
    void showHover(String message, Point2D at) {
        hoverLabel.setText(message);
        hover.show(area, at.getX() + 8, at.getY() + 12);
    }

    private void completionKeys() {
        completion.setId("rulesCompletion");
        KeyCombination ctrlSpace = new KeyCodeCombination(KeyCode.SPACE, KeyCombination.CONTROL_DOWN);
        area.addEventFilter(javafx.scene.input.KeyEvent.KEY_PRESSED, e -> {
            if (ctrlSpace.match(e)) {
                e.consume();
                complete();
            }
        });
    }

    /** Offers completions at the caret in a popup menu. */
    public void complete() {
        int caret = area.getCaretPosition();
        vm.complete(caret, this::showCompletion);
    }

    private void showCompletion(CompletionChoice p) {
        completion.getItems().clear();
        for (String c : p.candidates().subList(0, Math.min(40, p.candidates().size()))) {
            MenuItem item = new MenuItem(c);
            item.setMnemonicParsing(false);
            item.setOnAction(e -> {
                completion.hide();
                area.replaceText(p.start(), p.end(), c);
                area.requestFocus();
            });
            completion.getItems().add(item);
        }
        if (completion.getItems().isEmpty()) {
            vm.statusProperty().set(p.field() == null ? "Nothing to complete here"
                    : "No values of " + p.field() + " in the open capture");
            return;
        }
        Optional<javafx.geometry.Bounds> caret = area.getCaretBounds();
        Point2D at = caret.map(b -> new Point2D(b.getMinX(), b.getMaxY()))
                .orElse(area.localToScreen(0, 0));
        completion.show(area, at.getX(), at.getY());
    }

    private void problemList() {
        problems.setId("rulesProblems");
        problems.setPlaceholder(new Label("No problems"));
        problems.setCellFactory(l -> new ListCell<>() {
            @Override
            protected void updateItem(EditorMark m, boolean empty) {
                super.updateItem(m, empty);
                getStyleClass().removeAll("problem-row-error", "problem-row-warning");
                if (empty || m == null) {
                    setText(null);
                    return;
                }
                int line = lineOf(area.getText(), m.start());
                setText("line " + line + ": " + m.message());
                getStyleClass().add(m.error() ? "problem-row-error" : "problem-row-warning");
            }
        });
        problems.getSelectionModel().selectedItemProperty().addListener((o, a, m) -> {
            if (m != null && m.end() <= area.getLength()) {
                area.selectRange(m.start(), m.end());
                area.requestFollowCaret();
            }
        });
    }

    private static int lineOf(String t, int offset) {
        int line = 1;
        for (int i = 0; i < offset && i < t.length(); i++) {
            if (t.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }

    public RulesEditorViewModel viewModel() {
        return vm;
    }

    public CodeArea area() {
        return area;
    }

    public ContextMenu completionMenu() {
        return completion;
    }

    public Popup hoverPopup() {
        return hover;
    }

    public Node node() {
        return root;
    }
}
