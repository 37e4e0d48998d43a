package dev.saker.ui.filter;

import dev.saker.index.FilterCheck;
import javafx.geometry.Bounds;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.control.skin.TextFieldSkin;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.shape.Line;

/**
 * The filter bar: a condition field coloured green (valid), yellow (incomplete) or red (invalid) as
 * one types, the first problem's span underlined and its message in the tooltip and beside the field;
 * completion of field names and of values present in the capture; Enter or Apply filters, Escape or Clear shows every event; a history menu.
 */
public final class FilterBar {
    private final FilterBarViewModel vm;
    private final TextField field = new TextField();
    private final Line underline = new Line();
    private final Label message = new Label();
    private final Tooltip tooltip = new Tooltip();
    private final MenuButton historyButton = new MenuButton("History");
    private final HBox box;

    public FilterBar(FilterBarViewModel vm) {
        this.vm = vm;
        field.setId("filterField");
        field.setPromptText("Filter: a condition, e.g. evt.type=openat and fd.name contains /etc  (Enter applies)");
        field.textProperty().bindBidirectional(vm.textProperty());
        field.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER) {
                vm.apply();
            } else if (e.getCode() == KeyCode.ESCAPE) {
                vm.clear();
            }
        });
        new FieldCompletion(field, vm::valuesOf, vm::macros);
        underline.setId("filterErrorSpan");
        underline.setStroke(javafx.scene.paint.Color.RED);
        underline.setStrokeWidth(2);
        underline.setManaged(false);
        underline.setMouseTransparent(true);
        Pane overlay = new Pane(underline);
        overlay.setMouseTransparent(true);
        StackPane fieldWithUnderline = new StackPane(field, overlay);
        HBox.setHgrow(fieldWithUnderline, Priority.ALWAYS);
        message.setId("filterMessage");
        message.setMaxWidth(380);
        message.setMinWidth(0);
        Button apply = new Button("Apply");
        apply.setId("applyFilter");
        apply.setOnAction(e -> vm.apply());
        Button clear = new Button("Clear");
        clear.setId("clearFilter");
        clear.setOnAction(e -> vm.clear());
        historyButton.setId("filterHistory");
        vm.history().addListener((javafx.collections.ListChangeListener<String>) c -> fillHistory());
        fillHistory();
        box = new HBox(6, new Label("Filter"), fieldWithUnderline, message, apply, clear, historyButton);
        box.setId("filterBar");
        box.setAlignment(Pos.CENTER_LEFT);
        box.setPadding(new Insets(4, 8, 4, 8));
        vm.checkProperty().addListener((o, a, b) -> show(b));
        field.widthProperty().addListener((o, a, b) -> placeUnderline(vm.checkProperty().get()));
        show(vm.checkProperty().get());
    }

    private void fillHistory() {
        historyButton.getItems().clear();
        for (String h : vm.history()) {
            MenuItem item = new MenuItem(h);
            item.setMnemonicParsing(false);
            item.setOnAction(e -> {
                vm.textProperty().set(h);
                vm.apply();
            });
            historyButton.getItems().add(item);
        }
        historyButton.setDisable(vm.history().isEmpty());
    }

    private void show(FilterCheck c) {
        field.getStyleClass().removeAll("filter-valid", "filter-incomplete", "filter-invalid");
        String colour;
        switch (c.status()) {
            case VALID -> {
                field.getStyleClass().add("filter-valid");
                colour = "#d4f7d4";
            }
            case INCOMPLETE -> {
                field.getStyleClass().add("filter-incomplete");
                colour = "#fff3c4";
            }
            case INVALID -> {
                field.getStyleClass().add("filter-invalid");
                colour = "#ffd6d6";
            }
            default -> colour = null;
        }
        field.setStyle(colour == null ? "" : "-fx-control-inner-background: " + colour + ";");
        message.setText(c.message());
        if (c.message().isEmpty()) {
            field.setTooltip(null);
        } else {
            tooltip.setText(c.message());
            field.setTooltip(tooltip);
        }
        placeUnderline(c);
    }

    /** Puts the red line under the problem's span, measured by the field's own skin. */
    private void placeUnderline(FilterCheck c) {
        boolean visible = c != null && c.status() == FilterCheck.Status.INVALID
                && field.getSkin() instanceof TextFieldSkin;
        underline.setVisible(visible);
        if (!visible) {
            return;
        }
        TextFieldSkin skin = (TextFieldSkin) field.getSkin();
        int len = field.getText().length();
        int start = Math.min(c.start(), Math.max(0, len - 1));
        int end = Math.max(start + 1, Math.min(c.end(), len));
        Bounds first = bounds(skin, start);
        Bounds last = bounds(skin, end - 1);
        double y = field.getHeight() - 5;
        underline.setStartX(first.getMinX());
        underline.setEndX(Math.max(first.getMinX() + 6, last.getMaxX()));
        underline.setStartY(y);
        underline.setEndY(y);
    }

    private static Bounds bounds(TextFieldSkin skin, int i) {
        javafx.geometry.Rectangle2D r = skin.getCharacterBounds(i);
        return new javafx.geometry.BoundingBox(r.getMinX(), r.getMinY(), r.getWidth(), r.getHeight());
    }

    /** The underline's span as drawn (for tests): start and end x in the field's coordinates, or null when hidden. */
    public double[] underlineExtent() {
        return underline.isVisible() ? new double[] {underline.getStartX(), underline.getEndX()} : null;
    }

    public Node node() {
        return box;
    }

    public TextField field() {
        return field;
    }
}
