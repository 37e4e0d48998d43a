package dev.saker.ui.marks;

import dev.saker.index.CaptureIndex;
import dev.saker.index.EventMarks;
import dev.saker.index.EventRow;
import dev.saker.index.EventRows;
import dev.saker.ui.main.WorkbenchModel;
import java.io.IOException;
import java.nio.file.Path;
import java.util.function.Function;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * Marks and comments on the open capture's events: loaded from the capture's sidecar file when it is
 * opened, saved back after every change; a sidecar that cannot be written keeps them for the session.
 */
public final class MarksViewModel {
    private final WorkbenchModel model;
    private final ObservableList<EventMarks.Mark> marks = FXCollections.observableArrayList();
    private EventMarks store = new EventMarks();

    public MarksViewModel(WorkbenchModel model) {
        this.model = model;
        model.indexProperty().addListener((o, a, b) -> load(b));
    }

    private void load(CaptureIndex index) {
        store = new EventMarks();
        Path file = sidecar(index);
        if (file != null) {
            try {
                store = EventMarks.load(file);
            } catch (IOException e) {
                model.statusProperty().set("Marks not loaded: " + e.getMessage());
            }
        }
        marks.setAll(store.all());
    }

    private Path sidecar(CaptureIndex index) {
        Function<Path, Path> f = model.marksSidecar();
        return f == null || index == null ? null : f.apply(index.capture());
    }

    /** Marks or unmarks the selected event; false when no event is selected. */
    public boolean toggleSelected() {
        long num = selectedNumber();
        if (num < 0) {
            return false;
        }
        store.toggle(num);
        changed();
        return true;
    }

    /** Sets the comment of an event (marking it). */
    public void comment(long number, String text) {
        store.comment(number, text);
        changed();
    }

    /** Selects the event of a mark in the table and details. */
    public void jumpTo(long number) {
        model.selectEvent(number);
    }

    /** Selects the next (or previous) marked event after the selected one, wrapping around. */
    public void step(boolean forward) {
        long current = selectedNumber();
        long n = forward ? store.next(current < 0 ? -1 : current) : store.previous(current < 0 ? Long.MAX_VALUE : current);
        if (n >= 0) {
            jumpTo(n);
        }
    }

    public boolean isMarked(int row) {
        CaptureIndex index = model.indexProperty().get();
        return index != null && row >= 0 && row < index.size() && store.isMarked(index.number(row));
    }

    /** How a mark reads in the list: event number, type, process and comment. */
    public String describe(EventMarks.Mark m) {
        EventRows rows = model.rowsProperty().get();
        int row = rows == null ? -1 : rows.index().rowOfEvent(m.number());
        String event = row < 0 ? "" : describeRow(rows.row(row));
        return "event " + m.number() + event + (m.comment().isEmpty() ? "" : ": " + m.comment());
    }

    private static String describeRow(EventRow r) {
        return "  " + r.direction() + " " + r.type() + "  " + r.process() + " (" + r.tid() + ")";
    }

    private long selectedNumber() {
        CaptureIndex index = model.indexProperty().get();
        int row = model.selectedRowProperty().get();
        return index == null || row < 0 || row >= index.size() ? -1 : index.number(row);
    }

    private void changed() {
        marks.setAll(store.all());
        Path file = sidecar(model.indexProperty().get());
        if (file != null) {
            try {
                store.save(file);
            } catch (IOException e) {
                model.statusProperty().set("Marks kept for this session only: cannot write " + file + " (" + e.getMessage() + ")");
            }
        }
    }

    public ObservableList<EventMarks.Mark> marks() {
        return marks;
    }

    public WorkbenchModel model() {
        return model;
    }
}
