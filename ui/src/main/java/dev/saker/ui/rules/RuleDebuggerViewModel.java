package dev.saker.ui.rules;

import dev.saker.index.Counted;
import dev.saker.engine.Detection;
import dev.saker.engine.Explanation;
import dev.saker.engine.RuleDebugSession;
import dev.saker.engine.RuleExplainer;
import dev.saker.index.CaptureIndex;
import dev.saker.rules.RulesSource;
import dev.saker.ui.main.WorkbenchModel;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import javafx.beans.property.LongProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleLongProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The rule debugger's state: the session's rules loaded for explaining, the chosen rule with its matches
 * and near misses in the open capture (one background pass), and the explanation of the current event.
 * Stepping moves the current event through the matches or near misses; "why not" explains the event
 * selected in the table; a detection brings its rule and event.
 */
public final class RuleDebuggerViewModel {
    private final WorkbenchModel model;
    private final ObservableList<String> rules = FXCollections.observableArrayList();
    private final StringProperty rule = new SimpleStringProperty();
    private final LongProperty event = new SimpleLongProperty(-1);
    private final ObjectProperty<RuleDebugSession.Scan> scan = new SimpleObjectProperty<>();
    private final ObjectProperty<RuleDebugSession.Debugged> current = new SimpleObjectProperty<>();
    private final StringProperty status = new SimpleStringProperty("Choose a rule");
    private final AtomicLong generation = new AtomicLong();
    private final AtomicLong explainGeneration = new AtomicLong();
    private final AtomicLong loadGeneration = new AtomicLong();
    private RuleDebugSession session;
    private RuleExplainer explainer;

    public RuleDebuggerViewModel(WorkbenchModel model) {
        this.model = model;
        model.rulesProperty().addListener((o, a, b) -> reload());
        model.indexProperty().addListener((o, a, b) -> rescan());
        model.indexingProperty().addListener((o, a, b) -> {
            if (!b) {
                rescan();
            }
        });
        rule.addListener((o, a, b) -> rescan());
        reload();
    }

    /** Loads the session's rules again (they changed), in the background: the rule list, and the chosen rule's scan. */
    public void reload() {
        List<RulesSource> sources = model.rulesProperty().get();
        long gen = loadGeneration.incrementAndGet();
        model.tasks().run(() -> new RuleDebugSession(sources, RulesEditorViewModel.FIELDS), s -> {
            if (gen != loadGeneration.get()) {
                return;
            }
            session = s;
            String keep = rule.get();
            rules.setAll(s.loaded() ? s.ruleNames() : List.of());
            if (!s.loaded()) {
                status.set("The rules do not load; fix them in the Rules tab");
            }
            if (keep != null && rules.contains(keep)) {
                rescan();
            } else {
                rule.set(rules.isEmpty() ? null : rules.get(0));
            }
        }, e -> status.set("Cannot load the rules: " + e.getMessage()));
    }

    private void rescan() {
        long gen = generation.incrementAndGet();
        scan.set(null);
        explainer = null;
        String r = rule.get();
        CaptureIndex idx = model.indexProperty().get();
        if (session == null || r == null || !rules.contains(r)) {
            current.set(null);
            return;
        }
        explainer = session.explainer(r);
        if (idx == null || !idx.complete()) {
            status.set(idx == null ? "Open a capture to debug " + r : "Waiting for indexing to finish");
            return;
        }
        RuleExplainer ex = explainer;
        Path capture = idx.capture();
        status.set("Finding matches and near misses of " + r + " ...");
        model.tasks().run(() -> RuleDebugSession.scan(ex, capture, () -> gen != generation.get()), s -> {
            if (gen != generation.get()) {
                return;
            }
            scan.set(s);
            status.set(summary(s));
            if (event.get() >= 0) {
                show(event.get());
            }
        }, e -> {
            if (gen == generation.get()) {
                status.set("Cannot scan: " + e.getMessage());
            }
        });
    }

    private static String summary(RuleDebugSession.Scan s) {
        return Counted.of(s.matches().length, "match", "matches") + ", " + Counted.of(s.nearMisses().length, "near miss", "near misses")
                + " in " + Counted.of(s.applicable(), "event") + " of the rule's types";
    }

    /** Explains the rule on event {@code num} and makes it the current event (selecting it in the table). */
    public void show(long num) {
        RuleExplainer ex = explainer;
        CaptureIndex idx = model.indexProperty().get();
        if (ex == null || idx == null) {
            return;
        }
        long gen = explainGeneration.incrementAndGet();
        event.set(num);
        Path capture = idx.capture();
        model.tasks().run(() -> RuleDebugSession.explain(ex, capture, num), d -> {
            if (gen != explainGeneration.get()) {
                return;
            }
            current.set(d);
            if (d == null) {
                status.set("No event number " + num + " in the capture");
            } else if (idx.rowOfEvent(num) >= 0 && model.selectedRowProperty().get() != idx.rowOfEvent(num)) {
                model.selectEvent(num);
            }
        }, e -> status.set("Cannot explain event " + num + ": " + e.getMessage()));
    }

    public boolean nextMatch() {
        return step(scan.get() == null ? null : scan.get().matches(), true);
    }

    public boolean previousMatch() {
        return step(scan.get() == null ? null : scan.get().matches(), false);
    }

    public boolean nextNearMiss() {
        return step(scan.get() == null ? null : scan.get().nearMisses(), true);
    }

    public boolean previousNearMiss() {
        return step(scan.get() == null ? null : scan.get().nearMisses(), false);
    }

    private boolean step(long[] events, boolean forward) {
        if (events == null) {
            return false;
        }
        long n = forward ? RuleDebugSession.Scan.next(events, event.get()) : RuleDebugSession.Scan.previous(events, event.get());
        if (n < 0) {
            status.set("No " + (forward ? "further" : "earlier") + " event; " + summary(scan.get()));
            return false;
        }
        show(n);
        return true;
    }

    /** "Why not": explains the event selected in the table. */
    public boolean explainSelected() {
        CaptureIndex idx = model.indexProperty().get();
        int row = model.selectedRowProperty().get();
        if (idx == null || row < 0) {
            status.set("Select an event in the table first");
            return false;
        }
        show(idx.number(row));
        return true;
    }

    /** Debugs the rule of a detection on its event. */
    public void debug(Detection d) {
        if (!rules.contains(d.rule())) {
            status.set("Rule " + d.rule() + " is not in the loaded rules");
            return;
        }
        event.set(d.eventNumber());
        if (!d.rule().equals(rule.get())) {
            rule.set(d.rule());
        } else {
            show(d.eventNumber());
        }
    }

    /** The detection at the selected event, if any (what "debug detection" starts from). */
    public Detection selectedDetection() {
        CaptureIndex idx = model.indexProperty().get();
        int row = model.selectedRowProperty().get();
        if (idx == null || row < 0) {
            return null;
        }
        long num = idx.number(row);
        return model.detections().stream().filter(d -> d.eventNumber() == num).findFirst().orElse(null);
    }

    /** The macro a node's subtree came from (null when not a macro body). */
    public String macroOf(Explanation x, Explanation.Node n) {
        return session == null ? null : session.macroOf(x, n);
    }

    public WorkbenchModel model() {
        return model;
    }

    public ObservableList<String> rules() {
        return rules;
    }

    public StringProperty ruleProperty() {
        return rule;
    }

    public LongProperty eventProperty() {
        return event;
    }

    public ObjectProperty<RuleDebugSession.Scan> scanProperty() {
        return scan;
    }

    public ObjectProperty<RuleDebugSession.Debugged> currentProperty() {
        return current;
    }

    public StringProperty statusProperty() {
        return status;
    }
}
