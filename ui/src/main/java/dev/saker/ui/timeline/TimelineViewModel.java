package dev.saker.ui.timeline;

import dev.saker.index.CaptureIndex;
import dev.saker.index.RowQuery;
import dev.saker.index.TimeBins;
import dev.saker.ui.main.WorkbenchModel;
import java.util.List;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;

/** The timeline's bins (after indexing and after each rules run) and the selected time window. */
public final class TimelineViewModel {
    static final int BINS = 200;

    private final WorkbenchModel model;
    private final ObjectProperty<TimeBins> bins = new SimpleObjectProperty<>();

    public TimelineViewModel(WorkbenchModel model) {
        this.model = model;
        model.indexingProperty().addListener((o, a, b) -> rebuild());
        model.indexProperty().addListener((o, a, b) -> rebuild());
        model.detections().addListener((javafx.collections.ListChangeListener<dev.saker.engine.Detection>) c -> rebuild());
    }

    private void rebuild() {
        CaptureIndex idx = model.indexProperty().get();
        bins.set(idx == null || !idx.complete() ? null : TimeBins.of(idx, List.copyOf(model.detections()), BINS));
    }

    /** Shows only events between {@code from} and {@code to} (ns, either order). */
    public void selectWindow(long from, long to) {
        model.applyQuery(model.queryProperty().get().withWindow(Math.min(from, to), Math.max(from, to)));
    }

    public void clearWindow() {
        model.applyQuery(model.queryProperty().get().withoutWindow());
    }

    /** The window the table shows, or null when unrestricted. */
    public long[] window() {
        RowQuery q = model.queryProperty().get();
        return q.fromTs() == Long.MIN_VALUE && q.toTs() == Long.MAX_VALUE ? null : new long[] {q.fromTs(), q.toTs()};
    }

    public ObjectProperty<TimeBins> binsProperty() {
        return bins;
    }

    public WorkbenchModel model() {
        return model;
    }
}
