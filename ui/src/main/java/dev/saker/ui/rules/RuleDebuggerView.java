package dev.saker.ui.rules;

import dev.saker.index.Counted;
import dev.saker.engine.Detection;
import dev.saker.engine.Explanation;
import dev.saker.engine.RuleDebugSession;
import java.util.HashMap;
import java.util.Map;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.control.TreeCell;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.VBox;

/**
 * The Rule debugger tab: pick a rule and an event (or start from the detection at the selected event)
 * and see the rule's condition as a tree, each sub-expression coloured true / false / not applicable
 * with the field values behind it, macros collapsed to their name and expandable in place; step to the
 * previous / next match and near miss; "why not" explains the event selected in the table.
 */
public final class RuleDebuggerView {
    private final RuleDebuggerViewModel vm;
    private final BorderPane root = new BorderPane();
    private final TreeView<DebugRow> tree = new TreeView<>();
    private final Label verdict = new Label();

    public RuleDebuggerView(RuleDebuggerViewModel vm) {
        this.vm = vm;
        root.setId("ruleDebugger");
        root.getStylesheets().add(RuleDebuggerView.class.getResource("rules.css").toExternalForm());
        tree.setId("debugTree");
        tree.setShowRoot(true);
        tree.setCellFactory(t -> new DebugCell());
        verdict.setId("debugVerdict");
        verdict.setWrapText(true);
        Label status = new Label();
        status.setId("debugStatus");
        status.textProperty().bind(vm.statusProperty());
        Label legend = new Label("\u2713 true   \u2717 false   \u2013 not applicable (a field is missing, or the rule is not"
                + " tried on this event type); faded: did not decide the result");
        legend.getStyleClass().add("debug-legend");
        VBox top = new VBox(4, controls(), verdict, legend);
        top.setPadding(new Insets(6));
        root.setTop(top);
        root.setCenter(tree);
        root.setBottom(status);
        BorderPane.setMargin(status, new Insets(2, 6, 2, 6));
        vm.currentProperty().addListener((o, a, d) -> show(d));
    }

    private Node controls() {
        ComboBox<String> rules = new ComboBox<>(vm.rules());
        rules.setId("debugRule");
        rules.setPrefWidth(300);
        rules.valueProperty().bindBidirectional(vm.ruleProperty());
        TextField event = new TextField();
        event.setId("debugEvent");
        event.setPrefColumnCount(8);
        event.setPromptText("event #");
        vm.eventProperty().addListener((o, a, b) -> event.setText(b.longValue() < 0 ? "" : b.toString()));
        event.setOnAction(e -> {
            try {
                vm.show(Long.parseLong(event.getText().strip()));
            } catch (NumberFormatException x) {
                vm.statusProperty().set("Not an event number: " + event.getText());
            }
        });
        Button prev = button("debugPrevMatch", "\u25C0 Match", "Previous event the rule matches", vm::previousMatch);
        Button next = button("debugNextMatch", "Match \u25B6", "Next event the rule matches", vm::nextMatch);
        Button prevNear = button("debugPrevNearMiss", "\u25C0 Near miss", "Previous event failing exactly one conjunct or exception", vm::previousNearMiss);
        Button nextNear = button("debugNextNearMiss", "Near miss \u25B6", "Next event failing exactly one conjunct or exception", vm::nextNearMiss);
        Button whyNot = button("debugWhyNot", "Why not? (selected event)", "Explain the rule on the event selected in the table", vm::explainSelected);
        Button fromDetection = new Button("Debug selected detection");
        fromDetection.setId("debugFromDetection");
        fromDetection.setOnAction(e -> {
            Detection d = vm.selectedDetection();
            if (d == null) {
                vm.statusProperty().set("The selected event has no detection");
            } else {
                vm.debug(d);
            }
        });
        FlowPane bar = new FlowPane(6, 4, new Label("Rule"), rules, new Label("Event"), event, prev, next, prevNear, nextNear,
                whyNot, fromDetection);
        bar.setAlignment(Pos.CENTER_LEFT);
        return bar;
    }

    private static Button button(String id, String text, String tip, java.util.function.BooleanSupplier action) {
        Button b = new Button(text);
        b.setId(id);
        b.setTooltip(new Tooltip(tip));
        b.setOnAction(e -> action.getAsBoolean());
        return b;
    }

    private void show(RuleDebugSession.Debugged d) {
        verdict.getStyleClass().removeAll("debug-verdict-match", "debug-verdict-miss");
        if (d == null) {
            tree.setRoot(null);
            verdict.setText("");
            return;
        }
        Explanation x = d.explanation();
        verdict.setText(verdictText(d));
        verdict.getStyleClass().add(x.matched() && d.applies() ? "debug-verdict-match" : "debug-verdict-miss");
        Map<Integer, TreeItem<DebugRow>> items = new HashMap<>();
        TreeItem<DebugRow> rootItem = null;
        for (Explanation.Node n : x.nodes()) {
            TreeItem<DebugRow> item = new TreeItem<>(DebugRow.of(n, d.applies()));
            item.setExpanded(true);
            TreeItem<DebugRow> placed = item;
            String macro = vm.macroOf(x, n);
            if (macro != null) {
                // the macro's name stands for its body; expanding it shows the body in place
                placed = new TreeItem<>(DebugRow.macro(macro, n, d.applies()));
                placed.getChildren().add(item);
                placed.setExpanded(false);
            }
            items.put(n.index(), item);
            if (n.parent() < 0) {
                rootItem = placed;
            } else {
                items.get(n.parent()).getChildren().add(placed);
            }
        }
        tree.setRoot(rootItem);
    }

    static String verdictText(RuleDebugSession.Debugged d) {
        Explanation x = d.explanation();
        String head = "Event " + x.eventNum() + ": ";
        if (!d.applies()) {
            return head + "not applicable: the rule is not tried on this event's type";
        }
        if (x.matched()) {
            return head + "the rule matches";
        }
        var failed = x.failedConjuncts();
        StringBuilder b = new StringBuilder(head).append("no match; fails ").append(failed.size()).append(" of ")
                .append(Counted.of(x.conjuncts().size(), "conjunct"));
        if (failed.size() == 1) {
            b.append(" (near miss)");
        }
        b.append(": ");
        for (int i = 0; i < failed.size() && i < 3; i++) {
            var c = failed.get(i);
            b.append(i == 0 ? "" : "; ").append(c.exception() ? "exception " : "")
                    .append(c.text().replaceAll("\\s+", " ").trim());
        }
        return b.toString();
    }

    private static final class DebugCell extends TreeCell<DebugRow> {
        @Override
        protected void updateItem(DebugRow r, boolean empty) {
            super.updateItem(r, empty);
            getStyleClass().removeAll("debug-true", "debug-false", "debug-na", "debug-undecisive");
            if (empty || r == null) {
                setText(null);
                return;
            }
            setText(r.text());
            getStyleClass().add("debug-" + r.state());
            if (!r.decisive()) {
                getStyleClass().add("debug-undecisive");
            }
        }
    }

    public RuleDebuggerViewModel viewModel() {
        return vm;
    }

    public TreeView<DebugRow> tree() {
        return tree;
    }

    public Label verdict() {
        return verdict;
    }

    public Node node() {
        return root;
    }
}
