package dev.saker.ui.rules;

import dev.saker.ui.main.WorkbenchModel;
import java.util.List;
import javafx.scene.control.Tab;

/** The rules editor and the rule debugger as workspace tabs over the shared model. */
public final class RulesTabs {
    private final RulesEditorView editor;
    private final RuleDebuggerView debugger;
    private final List<Tab> tabs;

    public RulesTabs(WorkbenchModel model) {
        editor = new RulesEditorView(new RulesEditorViewModel(model));
        debugger = new RuleDebuggerView(new RuleDebuggerViewModel(model));
        Tab rules = new Tab("Rules", editor.node());
        rules.setId("rulesTab");
        rules.setClosable(false);
        Tab debug = new Tab("Rule debugger", debugger.node());
        debug.setId("ruleDebuggerTab");
        debug.setClosable(false);
        tabs = List.of(rules, debug);
    }

    /** Starts the debugger on a detection and returns its tab (to be selected). */
    public Tab debug(dev.saker.engine.Detection d) {
        debugger.viewModel().debug(d);
        return tabs.get(1);
    }

    public List<Tab> tabs() {
        return tabs;
    }

    public RulesEditorView editor() {
        return editor;
    }

    public RuleDebuggerView debugger() {
        return debugger;
    }
}
