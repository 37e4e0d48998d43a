package dev.saker.ui.events;

import dev.saker.index.Counted;
import dev.saker.index.CaptureIndex;
import dev.saker.index.EventRow;
import dev.saker.index.FieldColumn;
import dev.saker.index.EventRows;
import dev.saker.index.RowSet;
import dev.saker.ui.main.WorkbenchModel;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.ObservableMap;

/** The event table's items (a {@link RowList} following indexing and queries) and row rendering. */
public final class EventTableViewModel {
    private final WorkbenchModel model;
    private final ObjectProperty<RowList> items = new SimpleObjectProperty<>(new RowList(0));
    private final ObservableList<String> fieldColumns = FXCollections.observableArrayList();
    private final ObservableMap<String, FieldColumn> computed = FXCollections.observableHashMap();

    public EventTableViewModel(WorkbenchModel model) {
        this.model = model;
        model.indexProperty().addListener((o, a, b) -> items.set(new RowList(0)));
        model.indexedRowsProperty().addListener((o, a, b) -> {
            if (items.get().showsAll()) {
                items.get().grow(b.intValue());
            }
        });
        model.shownRowsProperty().addListener((o, a, b) -> refreshItems(b));
        model.indexingProperty().addListener((o, a, b) -> {
            computed.clear();
            if (!b) {
                fieldColumns.forEach(this::compute);
            }
        });
    }

    private void refreshItems(RowSet set) {
        CaptureIndex idx = model.indexProperty().get();
        int all = idx == null ? 0 : Math.min(model.indexedRowsProperty().get(), idx.size());
        items.set(set == null ? new RowList(all) : new RowList(set));
    }

    /**
     * Adds a column showing {@code field} for every event, computed in the background. Returns an
     * error message for a name that is not a field, else null.
     */
    public String addFieldColumn(String field) {
        String f = field == null ? "" : field.strip();
        if (!FieldColumn.known(f)) {
            return "not a field: " + f;
        }
        if (!fieldColumns.contains(f)) {
            fieldColumns.add(f);
            compute(f);
        }
        return null;
    }

    public void removeFieldColumn(String field) {
        fieldColumns.remove(field);
        computed.remove(field);
    }

    private void compute(String field) {
        CaptureIndex idx = model.indexProperty().get();
        if (idx == null || !idx.complete()) {
            return;
        }
        model.tasks().run(() -> FieldColumn.compute(idx, field, () -> idx != model.indexProperty().get()), col -> {
            if (col != null && idx == model.indexProperty().get() && fieldColumns.contains(field)) {
                computed.put(field, col);
            }
        }, e -> model.errorProperty().set("Column " + field + " failed: " + e.getMessage()));
    }

    /** The value of a field column on an index row: "..." while it is being computed. */
    public String fieldValue(String field, int row) {
        FieldColumn c = computed.get(field);
        return c == null ? "..." : c.value(row);
    }

    /** The rows as sysdig's default lines, one per row. */
    public String asText(java.util.List<Integer> indexRows) {
        StringBuilder b = new StringBuilder();
        for (int r : sorted(indexRows)) {
            b.append(row(r).line()).append('\n');
        }
        return b.toString();
    }

    /** The rows as JSON objects, one per line. */
    public String asJson(java.util.List<Integer> indexRows) {
        StringBuilder b = new StringBuilder();
        for (int r : sorted(indexRows)) {
            b.append(row(r).json()).append('\n');
        }
        return b.toString();
    }

    /** Writes the rows as a new capture in the background; {@code done} gets the number written. */
    public void export(java.util.List<Integer> indexRows, java.nio.file.Path out, java.util.function.LongConsumer done) {
        CaptureIndex idx = model.indexProperty().get();
        if (idx == null) {
            return;
        }
        int[] rows = sorted(indexRows);
        model.tasks().run(() -> dev.saker.index.EventExport.write(idx, rows, out), n -> {
            model.statusProperty().set("Exported " + Counted.of(n, "event") + " to " + out);
            done.accept(n);
        }, e -> model.errorProperty().set("Export failed: " + e.getMessage()));
    }

    private static int[] sorted(java.util.List<Integer> rows) {
        return rows.stream().mapToInt(Integer::intValue).sorted().distinct().toArray();
    }

    public ObservableList<String> fieldColumns() {
        return fieldColumns;
    }

    public ObservableMap<String, FieldColumn> computedColumns() {
        return computed;
    }

    public ObjectProperty<RowList> itemsProperty() {
        return items;
    }

    /** The rendered row, or null when no capture is open. */
    public EventRow row(int indexRow) {
        EventRows rows = model.rowsProperty().get();
        // a cell may ask for a row of a list being replaced: only rows of the current index render
        return rows == null || indexRow >= rows.index().size() ? null : rows.row(indexRow);
    }

    public WorkbenchModel model() {
        return model;
    }
}
