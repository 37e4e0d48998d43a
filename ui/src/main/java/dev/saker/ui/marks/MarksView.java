package dev.saker.ui.marks;

import dev.saker.index.EventMarks;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * The Marks pane: the marked events in order with their comments; selecting one selects its event,
 * the field below comments it (Enter saves), buttons mark the selected event and step through marks.
 */
public final class MarksView {
    private final MarksViewModel vm;
    private final BorderPane root = new BorderPane();
    private final ListView<EventMarks.Mark> list = new ListView<>();
    private final TextField comment = new TextField();

    public MarksView(MarksViewModel vm) {
        this.vm = vm;
        root.setId("marksPane");
        list.setId("marksList");
        list.setPlaceholder(new Label("No marks: select an event and press Shortcut+M"));
        list.setItems(vm.marks());
        list.setCellFactory(l -> new ListCell<>() {
            @Override
            protected void updateItem(EventMarks.Mark m, boolean empty) {
                super.updateItem(m, empty);
                setText(empty || m == null ? null : vm.describe(m));
            }
        });
        list.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> {
            if (b != null) {
                comment.setText(b.comment());
                vm.jumpTo(b.number());
            }
        });
        comment.setId("markComment");
        comment.setPromptText("comment on the selected mark (Enter saves)");
        comment.setOnAction(e -> saveComment());
        HBox.setHgrow(comment, Priority.ALWAYS);
        Button toggle = new Button("Mark / unmark event");
        toggle.setId("markToggle");
        toggle.setOnAction(e -> vm.toggleSelected());
        Button previous = new Button("Previous");
        previous.setId("markPrevious");
        previous.setOnAction(e -> vm.step(false));
        Button next = new Button("Next");
        next.setId("markNext");
        next.setOnAction(e -> vm.step(true));
        VBox bottom = new VBox(4, comment, new HBox(4, toggle, previous, next));
        bottom.setPadding(new Insets(4));
        root.setCenter(list);
        root.setBottom(bottom);
    }

    private void saveComment() {
        EventMarks.Mark m = list.getSelectionModel().getSelectedItem();
        if (m == null) {
            return;
        }
        long num = m.number();
        vm.comment(num, comment.getText());
        // the list was rebuilt: keep the commented mark selected
        vm.marks().stream().filter(x -> x.number() == num).findFirst().ifPresent(x -> list.getSelectionModel().select(x));
    }

    public MarksViewModel viewModel() {
        return vm;
    }

    public ListView<EventMarks.Mark> list() {
        return list;
    }

    public BorderPane node() {
        return root;
    }
}
