package dev.saker.ui.main;

import dev.saker.engine.Detection;
import dev.saker.index.RuleRun;
import dev.saker.index.CaptureIndex;
import dev.saker.index.CaptureIndexer;
import dev.saker.index.EventRows;
import dev.saker.index.RowFilter;
import dev.saker.index.RowQuery;
import dev.saker.index.RowSet;
import dev.saker.rules.RulesSource;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The session every view shares: the open capture (its index and rows), the rules and what they
 * detected, the query the table shows and the selected event. Views observe its properties; only
 * this class starts work on the analysis side, through its {@link TaskRunner}. Called on the UI thread.
 */
public final class WorkbenchModel {
    private final TaskRunner tasks;
    private final ObjectProperty<CaptureIndex> index = new SimpleObjectProperty<>();
    private final ObjectProperty<EventRows> rows = new SimpleObjectProperty<>();
    private final IntegerProperty indexedRows = new SimpleIntegerProperty();
    private final BooleanProperty indexing = new SimpleBooleanProperty();
    private final DoubleProperty progress = new SimpleDoubleProperty();
    private final StringProperty status = new SimpleStringProperty("No capture open");
    private final ObjectProperty<List<RulesSource>> rules = new SimpleObjectProperty<>(List.of());
    private final ObjectProperty<RuleRun.Result> ruleResult = new SimpleObjectProperty<>();
    private final BooleanProperty rulesRunning = new SimpleBooleanProperty();
    private final ObservableList<Detection> detections = FXCollections.observableArrayList();
    private final ObjectProperty<RowQuery> query = new SimpleObjectProperty<>(RowQuery.ALL);
    private final ObjectProperty<RowSet> shownRows = new SimpleObjectProperty<>();
    private final BooleanProperty filtering = new SimpleBooleanProperty();
    private final IntegerProperty selectedRow = new SimpleIntegerProperty(-1);
    private final StringProperty error = new SimpleStringProperty();
    private final RecentFiles recent;
    // each open/filter/rule run gets a generation; results of an older one are dropped
    private final AtomicLong openGeneration = new AtomicLong();
    private final AtomicLong queryGeneration = new AtomicLong();
    private final AtomicLong ruleGeneration = new AtomicLong();
    private AtomicBoolean cancelOpen = new AtomicBoolean();

    // where a capture's marks are saved; null keeps them for the session only (tests: captures are shared)
    private java.util.function.Function<Path, Path> marksSidecar;

    public WorkbenchModel(TaskRunner tasks) {
        this(tasks, RecentFiles.standard());
        marksSidecar = dev.saker.index.EventMarks::sidecarOf;
    }

    public WorkbenchModel(TaskRunner tasks, RecentFiles recent) {
        this.tasks = tasks;
        this.recent = recent;
        rules.addListener((o, a, b) -> filterMacros.set(new dev.saker.index.FilterMacros(b)));
    }

    private final ObjectProperty<dev.saker.index.FilterMacros> filterMacros =
            new SimpleObjectProperty<>(dev.saker.index.FilterMacros.NONE);

    /** The macros of the current rules, which filter conditions may name. */
    public ObjectProperty<dev.saker.index.FilterMacros> filterMacrosProperty() {
        return filterMacros;
    }

    /** Where the marks of a capture are saved, or null (session only). */
    public java.util.function.Function<Path, Path> marksSidecar() {
        return marksSidecar;
    }

    public void setMarksSidecar(java.util.function.Function<Path, Path> sidecar) {
        this.marksSidecar = sidecar;
    }

    public TaskRunner tasks() {
        return tasks;
    }

    /**
     * Opens a capture: the index fills in the background and rows show as they arrive; when it is
     * complete the rules run. A capture that cannot be opened leaves the previous one closed and says why.
     */
    public void open(Path capture) {
        cancelOpen.set(true);
        AtomicBoolean cancel = new AtomicBoolean();
        cancelOpen = cancel;
        long gen = openGeneration.incrementAndGet();
        closeRows();
        // everything about the old capture goes before the new index is announced, so that views
        // reacting to the new index never see the old one's row counts, query or selection
        queryGeneration.incrementAndGet();
        filtering.set(false);
        selectedRow.set(-1);
        indexedRows.set(0);
        query.set(RowQuery.ALL);
        shownRows.set(null);
        detections.clear();
        ruleResult.set(null);
        error.set(null);
        CaptureIndex idx = CaptureIndexer.create(capture);
        index.set(idx);
        indexing.set(true);
        progress.set(0);
        status.set("Indexing " + capture.getFileName() + " ...");
        recent.add(capture);
        AtomicBoolean uiUpdatePending = new AtomicBoolean();
        tasks.run(() -> {
            EventRows r = new EventRows(idx);
            tasks.ui(() -> {
                if (gen == openGeneration.get()) {
                    rows.set(r);
                }
            });
            CaptureIndexer.fill(idx, (n, f) -> {
                // coalesce: at most one pending UI update, however fast the pass reports
                if (uiUpdatePending.compareAndSet(false, true)) {
                    tasks.ui(() -> {
                        uiUpdatePending.set(false);
                        if (gen == openGeneration.get()) {
                            indexedRows.set(idx.size());
                            progress.set(f);
                        }
                    });
                }
            }, cancel::get);
            return r;
        }, r -> {
            if (gen != openGeneration.get()) {
                return;
            }
            indexing.set(false);
            indexedRows.set(idx.size());
            progress.set(1);
            status.set("Opened " + capture.getFileName() + (idx.problem() == null ? "" : " (indexing stopped: " + idx.problem() + ")"));
            rerunRules();
        }, e -> {
            if (gen != openGeneration.get()) {
                return;
            }
            indexing.set(false);
            progress.set(0);
            index.set(null);
            closeRows();
            String msg = "Cannot open " + capture + ": " + describe(e);
            error.set(msg);
            status.set(msg);
        });
    }

    /** Runs the current rules over the open capture again (after the rules changed). */
    public void rerunRules() {
        CaptureIndex idx = index.get();
        if (idx == null || !idx.complete()) {
            return;
        }
        long gen = ruleGeneration.incrementAndGet();
        List<RulesSource> sources = rules.get();
        rulesRunning.set(true);
        tasks.run(() -> RuleRun.run(sources, idx.capture(), () -> gen != ruleGeneration.get()), result -> {
            if (gen != ruleGeneration.get() || idx != index.get()) {
                return;
            }
            rulesRunning.set(false);
            ruleResult.set(result);
            detections.setAll(result.detections());
        }, e -> {
            if (gen == ruleGeneration.get()) {
                rulesRunning.set(false);
                error.set("Rules failed: " + describe(e));
            }
        });
    }

    /** Replaces the rules and, when a capture is open, re-runs them. */
    public void setRules(List<RulesSource> sources) {
        rules.set(List.copyOf(sources));
        rerunRules();
    }

    /** Shows the rows {@code q} selects; the condition must be valid (the filter bar checks it first). */
    public void applyQuery(RowQuery q) {
        query.set(q);
        CaptureIndex idx = index.get();
        if (idx == null) {
            return;
        }
        long gen = queryGeneration.incrementAndGet();
        if (q.selectsAll()) {
            shownRows.set(null);
            filtering.set(false);
            return;
        }
        filtering.set(true);
        dev.saker.index.FilterMacros macros = filterMacros.get();
        tasks.run(() -> RowFilter.run(idx, q, macros, () -> gen != queryGeneration.get()), set -> {
            if (gen != queryGeneration.get() || idx != index.get()) {
                return;
            }
            filtering.set(false);
            shownRows.set(set);
        }, e -> {
            if (gen == queryGeneration.get()) {
                filtering.set(false);
                error.set("Filter failed: " + describe(e));
            }
        });
    }

    /** Selects the event at index row {@code row} (-1 for none). */
    public void select(int row) {
        selectedRow.set(row);
    }

    /** Selects the event with number {@code num}, clearing a query that hides it. Returns its row or -1. */
    public int selectEvent(long num) {
        CaptureIndex idx = index.get();
        int row = idx == null ? -1 : idx.rowOfEvent(num);
        if (row < 0) {
            return -1;
        }
        RowSet shown = shownRows.get();
        if (shown != null && shown.positionOf(row) < 0) {
            applyQuery(RowQuery.ALL);
        }
        selectedRow.set(row);
        return row;
    }

    private void closeRows() {
        EventRows old = rows.get();
        rows.set(null);
        if (old != null) {
            try {
                old.close();
            } catch (IOException e) {
                // closing a read-only file: nothing to tell the user
            }
        }
    }

    static String describe(Throwable e) {
        String m = e.getMessage();
        return m == null || m.isBlank() ? e.getClass().getSimpleName() : m;
    }

    public ObjectProperty<CaptureIndex> indexProperty() {
        return index;
    }

    public ObjectProperty<EventRows> rowsProperty() {
        return rows;
    }

    public IntegerProperty indexedRowsProperty() {
        return indexedRows;
    }

    public BooleanProperty indexingProperty() {
        return indexing;
    }

    public DoubleProperty progressProperty() {
        return progress;
    }

    public StringProperty statusProperty() {
        return status;
    }

    public ObjectProperty<List<RulesSource>> rulesProperty() {
        return rules;
    }

    public ObjectProperty<RuleRun.Result> ruleResultProperty() {
        return ruleResult;
    }

    public BooleanProperty rulesRunningProperty() {
        return rulesRunning;
    }

    public ObservableList<Detection> detections() {
        return detections;
    }

    public ObjectProperty<RowQuery> queryProperty() {
        return query;
    }

    /** The rows the query selected, or null when every row is shown. */
    public ObjectProperty<RowSet> shownRowsProperty() {
        return shownRows;
    }

    public BooleanProperty filteringProperty() {
        return filtering;
    }

    public IntegerProperty selectedRowProperty() {
        return selectedRow;
    }

    /** The last problem to tell the user about (a capture that did not open, rules that failed). */
    public StringProperty errorProperty() {
        return error;
    }

    public RecentFiles recentFiles() {
        return recent;
    }

    /** The open capture's file, or null. */
    public Path capture() {
        CaptureIndex idx = index.get();
        return idx == null ? null : idx.capture();
    }
}
