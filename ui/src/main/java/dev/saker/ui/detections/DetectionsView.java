package dev.saker.ui.detections;

import dev.saker.index.Counted;
import dev.saker.engine.Detection;
import dev.saker.index.DetailsText;
import dev.saker.index.DetectionGroups;
import java.util.List;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeTableColumn;
import javafx.scene.control.TreeTableView;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * Detections as a tree: one node per rule (priority, name, count), its detections under it (event
 * number, time, output). Selecting a detection jumps to its event.
 */
public final class DetectionsView {
    /** A row of the tree: a rule's group, or one detection. */
    public record Entry(DetectionGroups.Group group, Detection detection) {
    }

    private final DetectionsViewModel vm;
    private final TreeTableView<Entry> tree = new TreeTableView<>();
    private final VBox box;

    public DetectionsView(DetectionsViewModel vm) {
        this.vm = vm;
        tree.setId("detectionsTree");
        tree.setShowRoot(false);
        tree.setPlaceholder(new Label("No detections"));
        tree.getColumns().add(column("Rule / event", 190, e -> e.detection() == null ? e.group().rule()
                : "#" + e.detection().eventNumber() + "  " + DetailsText.clock(e.detection().timeNs())));
        tree.getColumns().add(column("Priority", 95, e -> e.detection() == null ? e.group().priorityText() : ""));
        tree.getColumns().add(column("Count / output", 600, e -> e.detection() == null
                ? Counted.of(e.group().detections().size(), "detection")
                : e.detection().output()));
        // the side pane is narrow: the output of the selected detection is shown in full under the tree
        Label output = new Label("Select a detection to see its output");
        output.setId("detectionOutput");
        output.setWrapText(true);
        output.setPadding(new Insets(4));
        output.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        tree.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> {
            output.setText(outputText(b));
            if (b != null && b.getValue() != null && b.getValue().detection() != null) {
                vm.open(b.getValue().detection());
            }
        });
        vm.groupsProperty().addListener((o, a, b) -> fill(b));
        Label summary = new Label();
        summary.setId("detectionsSummary");
        summary.textProperty().bind(vm.summary());
        summary.setPadding(new Insets(4));
        summary.setWrapText(true);
        javafx.scene.control.Button debug = new javafx.scene.control.Button("Debug this detection");
        debug.setId("debugDetection");
        debug.setTooltip(new javafx.scene.control.Tooltip("Open the rule debugger on this detection's rule and event"));
        debug.disableProperty().bind(javafx.beans.binding.Bindings.createBooleanBinding(
                () -> selectedDetection() == null, tree.getSelectionModel().selectedItemProperty()));
        debug.setOnAction(e -> vm.debug(selectedDetection()));
        javafx.scene.control.MenuItem debugItem = new javafx.scene.control.MenuItem("Debug this detection");
        debugItem.setOnAction(e -> vm.debug(selectedDetection()));
        tree.setContextMenu(new javafx.scene.control.ContextMenu(debugItem));
        javafx.scene.layout.HBox bar = new javafx.scene.layout.HBox(6, debug);
        bar.setPadding(new Insets(0, 4, 4, 4));
        box = new VBox(summary, bar, tree, output);
        VBox.setVgrow(tree, Priority.ALWAYS);
        fill(vm.groupsProperty().get());
    }

    private void fill(List<DetectionGroups.Group> groups) {
        TreeItem<Entry> root = new TreeItem<>();
        for (DetectionGroups.Group g : groups) {
            TreeItem<Entry> gi = new TreeItem<>(new Entry(g, null));
            for (Detection d : g.detections()) {
                gi.getChildren().add(new TreeItem<>(new Entry(g, d)));
            }
            gi.setExpanded(groups.size() <= 3);
            root.getChildren().add(gi);
        }
        tree.setRoot(root);
    }

    /** What the label under the tree says about the selected row. */
    static String outputText(TreeItem<Entry> item) {
        if (item == null || item.getValue() == null) {
            return "Select a detection to see its output";
        }
        Entry e = item.getValue();
        if (e.detection() == null) {
            int n = e.group().detections().size();
            return e.group().rule() + " (" + e.group().priorityText() + "): " + Counted.of(n, "detection");
        }
        return "#" + e.detection().eventNumber() + " " + e.group().rule() + ": " + e.detection().output();
    }

    private static TreeTableColumn<Entry, String> column(String title, double w, Function<Entry, String> f) {
        TreeTableColumn<Entry, String> c = new TreeTableColumn<>(title);
        c.setPrefWidth(w);
        // cut-off text (long rule names, outputs) is readable on hover
        c.setCellFactory(col -> dev.saker.ui.main.FullTextCells.treeTable());
        c.setCellValueFactory(cd -> {
            TreeItem<Entry> it = cd.getValue();
            return new ReadOnlyObjectWrapper<>(it == null || it.getValue() == null ? "" : f.apply(it.getValue()));
        });
        return c;
    }

    /** The detection selected in the tree, or null (nothing, or a rule's group, selected). */
    public Detection selectedDetection() {
        TreeItem<Entry> it = tree.getSelectionModel().getSelectedItem();
        return it == null || it.getValue() == null ? null : it.getValue().detection();
    }

    public DetectionsViewModel viewModel() {
        return vm;
    }

    public TreeTableView<Entry> tree() {
        return tree;
    }

    public Node node() {
        return box;
    }
}
