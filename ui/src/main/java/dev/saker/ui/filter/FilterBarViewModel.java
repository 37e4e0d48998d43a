package dev.saker.ui.filter;

import dev.saker.index.FilterCheck;
import dev.saker.ui.main.WorkbenchModel;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/** The filter bar's text, its check as typed, the history of applied filters, and applying one. */
public final class FilterBarViewModel {
    static final int HISTORY = 20;

    private final WorkbenchModel model;
    private final StringProperty text = new SimpleStringProperty("");
    private final ObjectProperty<FilterCheck> check = new SimpleObjectProperty<>(FilterCheck.of(""));
    private final ObservableList<String> history = FXCollections.observableArrayList();
    // the open capture's values by field, for completion (read off the UI thread)
    private volatile dev.saker.index.CaptureValues values;

    public FilterBarViewModel(WorkbenchModel model) {
        this.model = model;
        text.addListener((o, a, b) -> check.set(FilterCheck.of(b, model.filterMacrosProperty().get())));
        model.filterMacrosProperty().addListener((o, a, b) -> check.set(FilterCheck.of(text.get(), b)));
        model.indexProperty().addListener((o, a, b) -> {
            values = b == null ? null : new dev.saker.index.CaptureValues(b);
            text.set("");
        });
    }

    /** Applies the text when it is valid (or empty: every event). Returns whether it was applied. */
    public boolean apply() {
        FilterCheck c = check.get();
        if (c.status() != FilterCheck.Status.VALID && c.status() != FilterCheck.Status.EMPTY) {
            return false;
        }
        String t = text.get().strip();
        model.applyQuery(model.queryProperty().get().withCondition(t));
        if (!t.isEmpty()) {
            history.remove(t);
            history.add(0, t);
            if (history.size() > HISTORY) {
                history.remove(HISTORY, history.size());
            }
        }
        return true;
    }

    /**
     * Values the open capture has for {@code field} (for completion; called off the UI thread): the
     * first call for a field the index does not keep reads the capture's beginning once.
     */
    public java.util.Collection<String> valuesOf(String field) {
        dev.saker.index.CaptureValues v = values;
        return v == null ? java.util.List.of() : v.of(field);
    }

    /** The loaded rules' macros (for completion; called off the UI thread, the object is immutable but for its cache). */
    public dev.saker.index.FilterMacros macros() {
        return model.filterMacrosProperty().get();
    }

    public void clear() {
        text.set("");
        apply();
    }

    public StringProperty textProperty() {
        return text;
    }

    public ObjectProperty<FilterCheck> checkProperty() {
        return check;
    }

    public ObservableList<String> history() {
        return history;
    }
}
