package dev.saker.ui.processes;

import dev.saker.index.DetailsText;
import dev.saker.index.ProcessRecord;
import dev.saker.ui.main.FullTextCells;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeTableColumn;
import javafx.scene.control.TreeTableView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/** Who started whom: pid, command line, container, start time and event count; selecting one filters the table. */
public final class ProcessTreeView {
    private final ProcessTreeViewModel vm;
    private final TreeTableView<ProcessRecord> tree = new TreeTableView<>();
    private final VBox box;
    private final javafx.scene.control.ListView<ProcessRecord.FdUse> files = new javafx.scene.control.ListView<>();
    private final Label filesTitle = new Label("Files and connections");
    private final Label commandLine = new Label(NO_PROCESS);
    static final String NO_PROCESS = "Select a process to see its whole command line";
    private boolean resetting;

    public ProcessTreeView(ProcessTreeViewModel vm) {
        this.vm = vm;
        tree.setId("processTree");
        tree.setShowRoot(false);
        tree.setPlaceholder(new Label("No processes (open a capture)"));
        tree.getColumns().add(column("PID", 150, p -> Long.toString(p.pid())));
        tree.getColumns().add(column("Command line", 280, ProcessRecord::cmdline));
        tree.getColumns().add(column("Events", 60, p -> Long.toString(p.events())));
        tree.getColumns().add(column("Start", 120, p -> p.firstTs() == 0 ? "" : DetailsText.clock(p.firstTs())));
        tree.getColumns().add(column("Container", 100, p -> p.containerId().isEmpty() ? "host" : p.containerId()));
        tree.setRoot(vm.rootProperty().get());
        tree.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> {
            if (!resetting) {
                vm.select(b == null ? null : b.getValue());
            }
        });
        Button all = new Button("All processes");
        all.setId("allProcesses");
        all.setOnAction(e -> tree.getSelectionModel().clearSelection());
        Label hint = new Label("Select a process to show its events");
        hint.setMinWidth(0);
        HBox bar = new HBox(6, all, hint);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(4));
        files.setId("processFiles");
        files.setPlaceholder(new Label("No files or connections"));
        files.setCellFactory(l -> FullTextCells.list(u -> u.type() + "  " + u.name() + "  (" + u.events() + ")"));
        filesTitle.setId("processFilesTitle");
        filesTitle.setPadding(new Insets(2, 4, 2, 4));
        // the tree's column cuts long command lines: the focused process's is shown whole here
        commandLine.setId("processCommandLine");
        commandLine.setWrapText(true);
        commandLine.setPadding(new Insets(2, 4, 2, 4));
        commandLine.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        ScrollPane commandLineScroll = new ScrollPane(commandLine);
        commandLineScroll.setFitToWidth(true);
        commandLineScroll.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        // as tall as the wrapped text up to a few lines, then it scrolls
        commandLineScroll.prefViewportHeightProperty().bind(javafx.beans.binding.Bindings.min(90, commandLine.heightProperty()));
        commandLineScroll.setVbarPolicy(ScrollPane.ScrollBarPolicy.AS_NEEDED);
        VBox filesBox = new VBox(commandLineScroll, filesTitle, files);
        VBox.setVgrow(files, Priority.ALWAYS);
        javafx.scene.control.SplitPane split = new javafx.scene.control.SplitPane(tree, filesBox);
        split.setOrientation(javafx.geometry.Orientation.VERTICAL);
        split.setDividerPositions(0.68);
        box = new VBox(bar, split);
        VBox.setVgrow(split, Priority.ALWAYS);
        // the focused process: the one the user selected, or the selected event's
        tree.getFocusModel().focusedItemProperty().addListener((o, a, b) -> showFiles(b == null ? null : b.getValue()));
        vm.model().selectedRowProperty().addListener((o, a, b) -> reveal(vm.processOfRow(b.intValue())));
        // a new capture starts with every process shown
        vm.rootProperty().addListener((o, a, b) -> {
            // replacing the root clears the selection: that is a new capture, not the user showing every process
            resetting = true;
            try {
                tree.setRoot(b);
                tree.getSelectionModel().clearSelection();
            } finally {
                resetting = false;
            }
        });
    }

    private void showFiles(ProcessRecord p) {
        commandLine.setText(commandLineText(p));
        if (p == null) {
            filesTitle.setText("Files and connections");
            files.getItems().clear();
            return;
        }
        filesTitle.setText("Files and connections of " + p.pid() + " " + p.comm());
        files.getItems().setAll(p.fdUses());
    }

    /** What the label under the tree says about a process: pid, name, container and the whole command line. */
    static String commandLineText(ProcessRecord p) {
        if (p == null) {
            return NO_PROCESS;
        }
        return p.pid() + " " + p.comm() + (p.containerId().isEmpty() ? "" : " (container " + p.containerId() + ")")
                + ": " + p.cmdline();
    }

    /** The files and connections list (for tests). */
    public javafx.scene.control.ListView<ProcessRecord.FdUse> files() {
        return files;
    }

    /** Scrolls to and focuses (without selecting, which would filter) the process of the selected event. */
    private void reveal(long pid) {
        if (pid < 0 || tree.getRoot() == null) {
            return;
        }
        TreeItem<ProcessRecord> it = find(tree.getRoot(), pid);
        if (it == null) {
            return;
        }
        int row = tree.getRow(it);
        if (row >= 0) {
            tree.getFocusModel().focus(row);
            tree.scrollTo(Math.max(0, row - 2));
        }
    }

    private static TreeItem<ProcessRecord> find(TreeItem<ProcessRecord> at, long pid) {
        if (at.getValue() != null && at.getValue().pid() == pid) {
            return at;
        }
        for (TreeItem<ProcessRecord> c : at.getChildren()) {
            TreeItem<ProcessRecord> f = find(c, pid);
            if (f != null) {
                return f;
            }
        }
        return null;
    }

    /** The process focused in the tree (the selected event's, or the one the user selected), or null. */
    public ProcessRecord focused() {
        TreeItem<ProcessRecord> it = tree.getFocusModel().getFocusedItem();
        return it == null ? null : it.getValue();
    }

    private static TreeTableColumn<ProcessRecord, String> column(String title, double w, Function<ProcessRecord, String> f) {
        TreeTableColumn<ProcessRecord, String> c = new TreeTableColumn<>(title);
        c.setPrefWidth(w);
        c.setCellFactory(col -> FullTextCells.treeTable());
        c.setCellValueFactory(cd -> {
            TreeItem<ProcessRecord> it = cd.getValue();
            return new ReadOnlyObjectWrapper<>(it == null || it.getValue() == null ? "" : f.apply(it.getValue()));
        });
        return c;
    }

    public TreeTableView<ProcessRecord> tree() {
        return tree;
    }

    public Node node() {
        return box;
    }
}
