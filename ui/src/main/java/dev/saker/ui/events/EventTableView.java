package dev.saker.ui.events;

import dev.saker.index.Counted;
import dev.saker.index.EventRow;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;

/**
 * The event table: sysdig's default columns over the rows of the index, rendered only when a cell
 * shows them (TableView creates cells for the visible rows alone).
 */
public final class EventTableView {
    private final EventTableViewModel vm;
    private final TableView<Integer> table = new TableView<>();
    private boolean syncing;
    private java.util.function.IntPredicate marked = row -> false;

    public EventTableView(EventTableViewModel vm) {
        this.vm = vm;
        table.setId("eventTable");
        table.setPlaceholder(new javafx.scene.control.Label("No events"));
        table.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        table.setColumnResizePolicy(TableView.UNCONSTRAINED_RESIZE_POLICY);
        table.setFixedCellSize(22);
        table.getColumns().add(column("No.", 70, r -> Long.toString(r.number())));
        table.getColumns().add(column("Time", 165, EventRow::time));
        table.getColumns().add(column("CPU", 45, r -> Integer.toString(r.cpu())));
        table.getColumns().add(column("Process", 110, EventRow::process));
        table.getColumns().add(column("TID", 70, EventRow::tid));
        table.getColumns().add(column("Dir", 40, EventRow::direction));
        table.getColumns().add(column("Type", 90, EventRow::type));
        TableColumn<Integer, String> info = column("Info", 700, EventRow::info);
        info.setId("infoColumn");
        table.getColumns().add(info);
        table.setItems(vm.itemsProperty().get());
        vm.itemsProperty().addListener((o, a, b) -> {
            table.setItems(b);
            revealSelected();
        });
        table.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> {
            if (!syncing && b != null) {
                vm.model().select(b);
            }
        });
        vm.model().selectedRowProperty().addListener((o, a, b) -> revealSelected());
        vm.fieldColumns().addListener((javafx.collections.ListChangeListener<String>) c -> syncFieldColumns());
        vm.computedColumns().addListener((javafx.collections.MapChangeListener<String, dev.saker.index.FieldColumn>) c -> table.refresh());
        table.setContextMenu(contextMenu());
        table.setRowFactory(t -> new javafx.scene.control.TableRow<>() {
            @Override
            protected void updateItem(Integer row, boolean empty) {
                super.updateItem(row, empty);
                pseudoClassStateChanged(MARKED, !empty && row != null && marked.test(row));
            }
        });
    }

    private static final javafx.css.PseudoClass MARKED = javafx.css.PseudoClass.getPseudoClass("marked");

    /** Which rows show as marked (:marked); call {@link #refreshRows()} when the answer changes. */
    public void setRowMarker(java.util.function.IntPredicate marked) {
        this.marked = marked;
        table.refresh();
    }

    public void refreshRows() {
        table.refresh();
    }

    /** Asks for a field and adds its column (View > Add column, and the table's context menu). */
    public void askForColumn() {
        AddColumnDialog.ask(table.getScene() == null ? null : table.getScene().getWindow(), vm);
    }

    public EventTableViewModel viewModel() {
        return vm;
    }

    private javafx.scene.control.ContextMenu contextMenu() {
        javafx.scene.control.MenuItem add = new javafx.scene.control.MenuItem("Add column from a field...");
        add.setOnAction(e -> askForColumn());
        javafx.scene.control.MenuItem text = new javafx.scene.control.MenuItem("Copy as text");
        text.setOnAction(e -> copy(vm.asText(selectedRows())));
        javafx.scene.control.MenuItem json = new javafx.scene.control.MenuItem("Copy as JSON");
        json.setOnAction(e -> copy(vm.asJson(selectedRows())));
        javafx.scene.control.MenuItem export = new javafx.scene.control.MenuItem("Export selected events as a capture...");
        export.setOnAction(e -> exportSelected());
        return new javafx.scene.control.ContextMenu(text, json, export, new javafx.scene.control.SeparatorMenuItem(), add);
    }

    /** The index rows selected in the table. */
    public java.util.List<Integer> selectedRows() {
        return java.util.List.copyOf(table.getSelectionModel().getSelectedItems());
    }

    private static void copy(String s) {
        javafx.scene.input.ClipboardContent c = new javafx.scene.input.ClipboardContent();
        c.putString(s);
        javafx.scene.input.Clipboard.getSystemClipboard().setContent(c);
    }

    private void exportSelected() {
        java.util.List<Integer> rows = selectedRows();
        if (rows.isEmpty()) {
            return;
        }
        javafx.stage.FileChooser chooser = new javafx.stage.FileChooser();
        chooser.setTitle("Export " + Counted.of(rows.size(), "event") + " as a capture");
        chooser.setInitialFileName("selected-events.scap");
        java.io.File f = chooser.showSaveDialog(table.getScene() == null ? null : table.getScene().getWindow());
        if (f != null) {
            vm.export(rows, f.toPath(), n -> { });
        }
    }

    private void syncFieldColumns() {
        table.getColumns().removeIf(c -> c.getUserData() instanceof String f && !vm.fieldColumns().contains(f));
        for (String f : vm.fieldColumns()) {
            boolean present = table.getColumns().stream().anyMatch(c -> f.equals(c.getUserData()));
            if (!present) {
                TableColumn<Integer, String> c = new TableColumn<>(f);
                c.setUserData(f);
                c.setId("column-" + f);
                c.setPrefWidth(140);
                c.setSortable(false);
                c.setCellValueFactory(cd -> new ReadOnlyObjectWrapper<>(vm.fieldValue(f, cd.getValue())));
                javafx.scene.control.MenuItem remove = new javafx.scene.control.MenuItem("Remove column " + f);
                remove.setOnAction(e -> vm.removeFieldColumn(f));
                c.setContextMenu(new javafx.scene.control.ContextMenu(remove));
                // before Info, which is wide and last
                table.getColumns().add(table.getColumns().size() - 1, c);
            }
        }
    }

    /** A column showing one text of each row. */
    public TableColumn<Integer, String> column(String title, double width, Function<EventRow, String> text) {
        TableColumn<Integer, String> c = new TableColumn<>(title);
        c.setPrefWidth(width);
        c.setSortable(false);
        c.setCellValueFactory(cd -> {
            EventRow r = vm.row(cd.getValue());
            return new ReadOnlyObjectWrapper<>(r == null ? "" : text.apply(r));
        });
        return c;
    }

    private void revealSelected() {
        int row = vm.model().selectedRowProperty().get();
        RowList items = vm.itemsProperty().get();
        int pos = row < 0 ? -1 : items.positionOf(row);
        syncing = true;
        try {
            if (pos < 0) {
                if (row < 0) {
                    table.getSelectionModel().clearSelection();
                }
                return;
            }
            Integer current = table.getSelectionModel().getSelectedItem();
            if (current == null || current != row) {
                table.getSelectionModel().clearAndSelect(pos);
                table.scrollTo(Math.max(0, pos - 3));
            }
        } finally {
            syncing = false;
        }
    }

    public TableView<Integer> node() {
        return table;
    }
}
