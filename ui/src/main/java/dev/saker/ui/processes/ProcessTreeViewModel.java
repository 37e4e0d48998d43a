package dev.saker.ui.processes;

import dev.saker.index.CaptureIndex;
import dev.saker.index.ProcessRecord;
import dev.saker.index.ProcessTable;
import dev.saker.ui.main.WorkbenchModel;
import java.util.Set;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.scene.control.TreeItem;

/** The capture's process tree (built when indexing completes) and filtering the table by a process. */
public final class ProcessTreeViewModel {
    private final WorkbenchModel model;
    private final ObjectProperty<TreeItem<ProcessRecord>> root = new SimpleObjectProperty<>();

    public ProcessTreeViewModel(WorkbenchModel model) {
        this.model = model;
        model.indexingProperty().addListener((o, a, b) -> rebuild());
        model.indexProperty().addListener((o, a, b) -> rebuild());
    }

    private void rebuild() {
        CaptureIndex idx = model.indexProperty().get();
        if (idx == null || !idx.complete()) {
            root.set(null);
            return;
        }
        ProcessTable table = idx.processes();
        // children by parent in one pass: captures of busy hosts hold thousands of processes
        java.util.Map<Long, java.util.List<ProcessRecord>> children = new java.util.HashMap<>();
        for (ProcessRecord p : table.all()) {
            if (p.ppid() != p.pid()) {
                children.computeIfAbsent(p.ppid(), k -> new java.util.ArrayList<>()).add(p);
            }
        }
        children.values().forEach(l -> l.sort(java.util.Comparator.comparingLong(ProcessRecord::pid)));
        TreeItem<ProcessRecord> top = new TreeItem<>();
        for (ProcessRecord p : table.roots()) {
            top.getChildren().add(item(children, p, 0));
        }
        top.setExpanded(true);
        root.set(top);
    }

    private TreeItem<ProcessRecord> item(java.util.Map<Long, java.util.List<ProcessRecord>> children, ProcessRecord p,
            int depth) {
        TreeItem<ProcessRecord> it = new TreeItem<>(p);
        if (depth < 200) {
            for (ProcessRecord c : children.getOrDefault(p.pid(), java.util.List.of())) {
                it.getChildren().add(item(children, c, depth + 1));
            }
        }
        it.setExpanded(true);
        return it;
    }

    /** Shows only the events of {@code p}'s threads (null: every process). */
    public void select(ProcessRecord p) {
        model.applyQuery(model.queryProperty().get().withPids(p == null ? Set.of() : Set.of(p.pid())));
    }

    /** The pid of the process behind index row {@code row}'s event, or -1. */
    public long processOfRow(int row) {
        var rows = model.rowsProperty().get();
        if (rows == null || row < 0 || row >= rows.index().size() || rows.index().threadName(row) == null) {
            return -1;
        }
        long tid = rows.withEvent(row, e -> e.tid());
        return rows.index().processes().pidOfThread(tid);
    }

    public ObjectProperty<TreeItem<ProcessRecord>> rootProperty() {
        return root;
    }

    public WorkbenchModel model() {
        return model;
    }
}
