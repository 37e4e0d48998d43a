package dev.saker.ui.main;

import dev.saker.index.Counted;
import dev.saker.ui.details.DetailsView;
import dev.saker.ui.details.DetailsViewModel;
import dev.saker.ui.detections.DetectionsView;
import dev.saker.ui.detections.DetectionsViewModel;
import dev.saker.ui.events.EventTableView;
import dev.saker.ui.filter.FilterBar;
import dev.saker.ui.filter.FilterBarViewModel;
import dev.saker.ui.processes.ProcessTreeView;
import dev.saker.ui.rules.RulesTabs;
import dev.saker.ui.marks.MarksView;
import dev.saker.ui.marks.MarksViewModel;
import dev.saker.ui.stream.FdStreamView;
import dev.saker.ui.stream.FdStreamViewModel;
import dev.saker.ui.processes.ProcessTreeViewModel;
import dev.saker.ui.timeline.TimelineView;
import dev.saker.ui.timeline.TimelineViewModel;
import dev.saker.ui.events.EventTableViewModel;
import java.io.File;
import java.nio.file.Path;
import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Stage;

/**
 * The main window: menu and filter bar on top; the side panes (processes, detections) on the left;
 * in the centre a tab pane whose first tab is the event table (other features add tabs with
 * {@link #addWorkspaceTab}), above the details pane; a status bar with indexing progress.
 */
public final class MainWindow {
    private final WorkbenchModel model;
    private final BorderPane root = new BorderPane();
    private final TabPane workspace = new TabPane();
    private final TabPane side = new TabPane();
    private final VBox top = new VBox();
    private final SplitPane centreSplit = new SplitPane();
    private final SplitPane mainSplit = new SplitPane();
    private final Menu recentMenu = new Menu("Open _Recent");
    private final EventTableView events;
    private final FilterBar filterBar;
    private final ProcessTreeView processes;
    private final DetectionsView detections;
    private final TimelineView timeline;
    private final DetailsView details;
    private final RulesTabs rulesTabs;
    private final FdStreamView stream;
    private final Tab streamTab;
    private final MarksView marks;
    private Stage stage;

    public MainWindow(WorkbenchModel model) {
        this.model = model;
        root.setId("mainWindow");
        events = new EventTableView(new EventTableViewModel(model));
        Tab eventsTab = new Tab("Events", events.node());
        eventsTab.setId("eventsTab");
        eventsTab.setClosable(false);
        workspace.setId("workspace");
        workspace.getTabs().add(eventsTab);
        side.setId("sidePanes");
        centreSplit.setOrientation(Orientation.VERTICAL);
        centreSplit.getItems().add(workspace);
        mainSplit.getItems().addAll(side, centreSplit);
        mainSplit.setDividerPositions(0.3);
        SplitPane.setResizableWithParent(side, false);
        top.getChildren().add(menuBar());
        filterBar = new FilterBar(new FilterBarViewModel(model));
        addTopBar(filterBar.node());
        processes = new ProcessTreeView(new ProcessTreeViewModel(model));
        Tab processesTab = new Tab("Processes", processes.node());
        processesTab.setId("processesTab");
        processesTab.setClosable(false);
        addSideTab(processesTab);
        detections = new DetectionsView(new DetectionsViewModel(model));
        Tab detectionsTab = new Tab("Detections", detections.node());
        detectionsTab.setId("detectionsTab");
        detectionsTab.setClosable(false);
        addSideTab(detectionsTab);
        showDetectionsWhenFound(model, detectionsTab);
        timeline = new TimelineView(new TimelineViewModel(model));
        addCentrePane(0, timeline.node());
        details = new DetailsView(new DetailsViewModel(model));
        addCentrePane(2, details.node());
        centreSplit.setDividerPositions(0.22, 0.68);
        root.setTop(top);
        root.setCenter(mainSplit);
        root.setBottom(statusBar());
        acceptDroppedCaptures();
        rulesTabs = new RulesTabs(model);
        rulesTabs.tabs().forEach(this::addWorkspaceTab);
        detections.viewModel().setDebugger(d -> workspace.getSelectionModel().select(rulesTabs.debug(d)));
        stream = new FdStreamView(new FdStreamViewModel(model));
        streamTab = new Tab("Stream", stream.node());
        streamTab.setId("streamTab");
        streamTab.setClosable(false);
        workspace.getTabs().add(1, streamTab);
        javafx.scene.control.MenuItem follow = new javafx.scene.control.MenuItem("Follow fd stream");
        follow.setId("followStreamContextItem");
        follow.setOnAction(e -> followSelected());
        events.node().getContextMenu().getItems().add(0, follow);
        marks = new MarksView(new MarksViewModel(model));
        Tab marksTab = new Tab("Marks", marks.node());
        marksTab.setId("marksTab");
        marksTab.setClosable(false);
        addSideTab(marksTab);
        events.setRowMarker(marks.viewModel()::isMarked);
        marks.viewModel().marks().addListener((javafx.collections.ListChangeListener<dev.saker.index.EventMarks.Mark>) c -> events.refreshRows());
        javafx.scene.control.MenuItem mark = new javafx.scene.control.MenuItem("Mark / unmark");
        mark.setOnAction(e -> this.marks.viewModel().toggleSelected());
        events.node().getContextMenu().getItems().add(1, mark);
    }

    /** Follows the fd of the selected event into the Stream tab; false when it has no fd. */
    public boolean followSelected() {
        boolean ok = stream.viewModel().follow(model.selectedRowProperty().get());
        if (ok) {
            workspace.getSelectionModel().select(streamTab);
        } else {
            model.statusProperty().set("The selected event has no fd to follow");
        }
        return ok;
    }

    private MenuBar menuBar() {
        MenuItem open = new MenuItem("_Open...");
        open.setId("openMenuItem");
        open.setAccelerator(KeyCombination.keyCombination("Shortcut+O"));
        open.setOnAction(e -> chooseAndOpen());
        MenuItem quit = new MenuItem("_Quit");
        quit.setAccelerator(KeyCombination.keyCombination("Shortcut+Q"));
        quit.setOnAction(e -> {
            if (stage != null) {
                stage.close();
            }
        });
        recentMenu.setId("recentMenu");
        model.recentFiles().paths().addListener((javafx.collections.ListChangeListener<Path>) c -> fillRecent());
        fillRecent();
        Menu file = new Menu("_File", null, open, recentMenu, quit);
        MenuItem addColumn = new MenuItem("_Add column...");
        addColumn.setId("addColumnMenuItem");
        addColumn.setOnAction(e -> events.askForColumn());
        MenuItem follow = new MenuItem("_Follow fd stream");
        follow.setId("followStreamMenuItem");
        follow.setAccelerator(KeyCombination.keyCombination("Shortcut+Shift+F"));
        follow.setOnAction(e -> followSelected());
        MenuItem mark = new MenuItem("_Mark / unmark event");
        mark.setId("markMenuItem");
        mark.setAccelerator(KeyCombination.keyCombination("Shortcut+M"));
        mark.setOnAction(e -> this.marks.viewModel().toggleSelected());
        MenuItem nextMark = new MenuItem("_Next mark");
        nextMark.setAccelerator(KeyCombination.keyCombination("Shortcut+Period"));
        nextMark.setOnAction(e -> this.marks.viewModel().step(true));
        MenuItem previousMark = new MenuItem("_Previous mark");
        previousMark.setAccelerator(KeyCombination.keyCombination("Shortcut+Comma"));
        previousMark.setOnAction(e -> this.marks.viewModel().step(false));
        Menu view = new Menu("_View", null, addColumn, follow, new javafx.scene.control.SeparatorMenuItem(),
                mark, nextMark, previousMark);
        MenuBar bar = new MenuBar(file, view);
        bar.setId("menuBar");
        return bar;
    }

    private void fillRecent() {
        recentMenu.getItems().clear();
        for (Path p : model.recentFiles().paths()) {
            MenuItem item = new MenuItem(p.toString());
            item.setMnemonicParsing(false);
            item.setOnAction(e -> model.open(p));
            recentMenu.getItems().add(item);
        }
        recentMenu.setDisable(recentMenu.getItems().isEmpty());
    }

    private void chooseAndOpen() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Open capture");
        chooser.getExtensionFilters().addAll(
                new FileChooser.ExtensionFilter("Captures (*.scap, *.scap.gz)", "*.scap", "*.scap.gz", "*.gz"),
                new FileChooser.ExtensionFilter("All files", "*"));
        Path current = model.capture();
        if (current != null && current.toAbsolutePath().getParent() != null) {
            chooser.setInitialDirectory(current.toAbsolutePath().getParent().toFile());
        }
        File f = chooser.showOpenDialog(stage);
        if (f != null) {
            model.open(f.toPath());
        }
    }

    private void acceptDroppedCaptures() {
        root.setOnDragOver(e -> {
            if (e.getDragboard().hasFiles() && e.getDragboard().getFiles().size() == 1) {
                e.acceptTransferModes(TransferMode.COPY);
            }
            e.consume();
        });
        root.setOnDragDropped(e -> {
            List<File> files = e.getDragboard().getFiles();
            boolean ok = files != null && files.size() == 1;
            if (ok) {
                model.open(files.get(0).toPath());
            }
            e.setDropCompleted(ok);
            e.consume();
        });
    }

    private HBox statusBar() {
        Label status = new Label();
        status.setId("statusLabel");
        status.textProperty().bind(model.statusProperty());
        status.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(status, Priority.ALWAYS);
        Label rows = new Label();
        rows.setId("rowsLabel");
        rows.textProperty().bind(Bindings.createStringBinding(() -> {
            var shown = model.shownRowsProperty().get();
            int indexed = model.indexedRowsProperty().get();
            String base = shown == null ? Counted.of(indexed, "event") : shown.size() + " of " + Counted.of(indexed, "event");
            if (model.filteringProperty().get()) {
                base += " (filtering...)";
            }
            if (model.rulesRunningProperty().get()) {
                base += " (running rules...)";
            }
            return base;
        }, model.shownRowsProperty(), model.indexedRowsProperty(), model.filteringProperty(), model.rulesRunningProperty()));
        ProgressBar bar = new ProgressBar();
        bar.setId("indexProgress");
        bar.progressProperty().bind(model.progressProperty());
        bar.visibleProperty().bind(model.indexingProperty());
        bar.setPrefWidth(160);
        HBox box = new HBox(10, status, rows, bar);
        box.setAlignment(Pos.CENTER_LEFT);
        box.setPadding(new Insets(3, 8, 3, 8));
        box.setId("statusBar");
        return box;
    }

    /**
     * What the rules found is the first thing to see in a capture: when the first rule run after a
     * capture opens finds anything, the side pane turns to the detections (later re-runs leave it be).
     */
    private void showDetectionsWhenFound(WorkbenchModel model, Tab detectionsTab) {
        boolean[] opened = {model.indexProperty().get() != null};
        model.indexProperty().addListener((o, before, now) -> opened[0] = now != null);
        model.detections().addListener((javafx.collections.ListChangeListener<dev.saker.engine.Detection>) c -> {
            if (opened[0] && !model.detections().isEmpty()) {
                opened[0] = false;
                side.getSelectionModel().select(detectionsTab);
            }
        });
    }

    /** Adds a tab to the centre workspace (next to Events), e.g. the rules editor. */
    public void addWorkspaceTab(Tab tab) {
        workspace.getTabs().add(tab);
    }

    /** Adds a pane to the left side (processes, detections). */
    public void addSideTab(Tab tab) {
        side.getTabs().add(tab);
    }

    /** Adds a bar under the menu (the filter bar). */
    public void addTopBar(javafx.scene.Node bar) {
        top.getChildren().add(bar);
    }

    /** Adds a pane under the workspace (the details pane) or above it (the timeline) at {@code position}. */
    public void addCentrePane(int position, javafx.scene.Node pane) {
        centreSplit.getItems().add(position, pane);
    }

    public TabPane workspace() {
        return workspace;
    }

    public TabPane sidePanes() {
        return side;
    }

    public SplitPane centreSplit() {
        return centreSplit;
    }

    public FilterBar filterBar() {
        return filterBar;
    }

    public ProcessTreeView processes() {
        return processes;
    }

    public DetectionsView detections() {
        return detections;
    }

    public TimelineView timeline() {
        return timeline;
    }

    public DetailsView details() {
        return details;
    }

    public EventTableView events() {
        return events;
    }

    public MarksView marks() {
        return marks;
    }

    public FdStreamView stream() {
        return stream;
    }

    public RulesTabs rulesTabs() {
        return rulesTabs;
    }

    public WorkbenchModel model() {
        return model;
    }

    public BorderPane root() {
        return root;
    }

    /** Puts the window on {@code stage} and shows it. */
    public void show(Stage stage) {
        this.stage = stage;
        Scene scene = new Scene(root, 1280, 800);
        scene.getStylesheets().add(MainWindow.class.getResource("/dev/saker/ui/workbench.css").toExternalForm());
        stage.setScene(scene);
        stage.titleProperty().bind(Bindings.createStringBinding(() -> {
            Path p = model.capture();
            return p == null ? "Saker" : p.getFileName() + " - Saker";
        }, model.indexProperty()));
        stage.show();
    }
}
