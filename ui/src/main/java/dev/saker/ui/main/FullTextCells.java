package dev.saker.ui.main;

import java.util.function.Function;
import javafx.scene.control.ListCell;
import javafx.scene.control.TableCell;
import javafx.scene.control.Tooltip;
import javafx.scene.control.TreeTableCell;

/**
 * Cells of text that a narrow column or pane cuts off (command lines, paths, outputs): the whole text
 * is in a tooltip, wrapped so that a command line of a thousand characters stays on the screen.
 */
public final class FullTextCells {
    static final double TIP_WIDTH = 640;

    private FullTextCells() {
    }

    /** A tooltip that wraps long text instead of running off the screen. */
    public static Tooltip tooltip() {
        Tooltip t = new Tooltip();
        t.setWrapText(true);
        t.setMaxWidth(TIP_WIDTH);
        return t;
    }

    public static <S> TableCell<S, String> table() {
        return new TableCell<>() {
            private final Tooltip tip = tooltip();

            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty ? null : item);
                show(this, tip, empty ? null : item);
            }
        };
    }

    public static <S> TreeTableCell<S, String> treeTable() {
        return new TreeTableCell<>() {
            private final Tooltip tip = tooltip();

            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty ? null : item);
                show(this, tip, empty ? null : item);
            }
        };
    }

    public static <T> ListCell<T> list(Function<T, String> text) {
        return new ListCell<>() {
            private final Tooltip tip = tooltip();

            @Override
            protected void updateItem(T item, boolean empty) {
                super.updateItem(item, empty);
                String s = empty || item == null ? null : text.apply(item);
                setText(s);
                show(this, tip, s);
            }
        };
    }

    private static void show(javafx.scene.control.Control cell, Tooltip tip, String text) {
        tip.setText(text);
        cell.setTooltip(text == null || text.isEmpty() ? null : tip);
    }
}
