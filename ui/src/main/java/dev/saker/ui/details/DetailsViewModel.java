package dev.saker.ui.details;

import dev.saker.index.EventDetails;
import dev.saker.index.EventRows;
import dev.saker.ui.main.WorkbenchModel;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;

/** The details of the selected event, recomputed when the selection changes. */
public final class DetailsViewModel {
    private final WorkbenchModel model;
    private final ObjectProperty<EventDetails> details = new SimpleObjectProperty<>();

    public DetailsViewModel(WorkbenchModel model) {
        this.model = model;
        model.selectedRowProperty().addListener((o, a, b) -> refresh());
        model.rowsProperty().addListener((o, a, b) -> refresh());
        // ancestry and containers are complete once indexing is
        model.indexingProperty().addListener((o, a, b) -> refresh());
    }

    private void refresh() {
        EventRows rows = model.rowsProperty().get();
        int row = model.selectedRowProperty().get();
        details.set(rows == null || row < 0 || row >= rows.index().size() ? null : EventDetails.of(rows, row));
    }

    public ObjectProperty<EventDetails> detailsProperty() {
        return details;
    }

    public WorkbenchModel model() {
        return model;
    }
}
