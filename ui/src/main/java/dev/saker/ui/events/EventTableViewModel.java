package dev.saker.ui.events;

import dev.saker.index.EventRow;
import dev.saker.index.EventRows;
import dev.saker.index.RowSet;
import dev.saker.ui.main.WorkbenchModel;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;

/** The event table's items (a {@link RowList} following indexing and queries) and row rendering. */
public final class EventTableViewModel {
    private final WorkbenchModel model;
    private final ObjectProperty<RowList> items = new SimpleObjectProperty<>(new RowList(0));

    public EventTableViewModel(WorkbenchModel model) {
        this.model = model;
        model.indexProperty().addListener((o, a, b) -> items.set(new RowList(0)));
        model.indexedRowsProperty().addListener((o, a, b) -> {
            if (items.get().showsAll()) {
                items.get().grow(b.intValue());
            }
        });
        model.shownRowsProperty().addListener((o, a, b) -> refreshItems(b));
    }

    private void refreshItems(RowSet set) {
        items.set(set == null ? new RowList(model.indexedRowsProperty().get()) : new RowList(set));
    }

    public ObjectProperty<RowList> itemsProperty() {
        return items;
    }

    /** The rendered row, or null when no capture is open. */
    public EventRow row(int indexRow) {
        EventRows rows = model.rowsProperty().get();
        return rows == null ? null : rows.row(indexRow);
    }

    public WorkbenchModel model() {
        return model;
    }
}
