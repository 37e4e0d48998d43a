package dev.saker.ui.detections;

import dev.saker.index.Counted;
import dev.saker.engine.Detection;
import dev.saker.index.DetectionGroups;
import dev.saker.index.RuleRun;
import dev.saker.ui.main.WorkbenchModel;
import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;

/** Detections by rule and priority; choosing one selects its event. */
public final class DetectionsViewModel {
    private final WorkbenchModel model;
    private final ObjectProperty<List<DetectionGroups.Group>> groups = new SimpleObjectProperty<>(List.of());
    private final StringBinding summary;

    public DetectionsViewModel(WorkbenchModel model) {
        this.model = model;
        model.detections().addListener((javafx.collections.ListChangeListener<Detection>) c ->
                groups.set(DetectionGroups.of(List.copyOf(model.detections()))));
        summary = Bindings.createStringBinding(() -> {
            if (model.rulesRunningProperty().get()) {
                return "Running rules...";
            }
            RuleRun.Result r = model.ruleResultProperty().get();
            if (r == null) {
                return model.indexProperty().get() == null ? "No capture open" : "Rules run when indexing ends";
            }
            if (!r.loaded()) {
                return "Rules failed to load: " + r.loads().stream().filter(l -> !l.successful())
                        .map(l -> l.name()).toList();
            }
            return Counted.of(r.detections().size(), "detection") + " by " + groups.get().size() + " of " + Counted.of(r.rulesRunning(), "rule");
        }, model.rulesRunningProperty(), model.ruleResultProperty(), model.indexProperty(), groups);
    }

    /** Jumps to the detection's event (showing every event if the current query hides it). */
    public void open(Detection d) {
        model.selectEvent(d.eventNumber());
    }

    private java.util.function.Consumer<Detection> debugger = d -> { };

    /** What "Debug this detection" does (the main window opens the rule debugger tab on it). */
    public void setDebugger(java.util.function.Consumer<Detection> debugger) {
        this.debugger = debugger;
    }

    /** Opens the rule debugger on the detection's rule and event. */
    public void debug(Detection d) {
        if (d != null) {
            debugger.accept(d);
        }
    }

    public ObjectProperty<List<DetectionGroups.Group>> groupsProperty() {
        return groups;
    }

    public StringBinding summary() {
        return summary;
    }
}
