package dev.saker.ui.filter;

import dev.saker.index.FilterCheck;
import java.util.Collection;
import java.util.function.Function;
import javafx.scene.control.TextField;
import javafx.util.StringConverter;
import org.controlsfx.control.textfield.AutoCompletionBinding;

/**
 * ControlsFX completion at the caret (not of the whole condition): field names and the loaded rules'
 * macro names, or, after {@code field =} or inside {@code field in (...)}, the values the open capture
 * has for that field (inside a list, the rules' list names first); choosing a suggestion replaces only
 * the name or value being typed.
 */
final class FieldCompletion extends AutoCompletionBinding<String> {
    private final TextField field;
    private boolean completing;
    private boolean typed;

    private final Function<String, Collection<String>> valuesOf;

    private final java.util.function.Supplier<dev.saker.index.FilterMacros> macros;

    FieldCompletion(TextField field, Function<String, Collection<String>> valuesOf,
            java.util.function.Supplier<dev.saker.index.FilterMacros> macros) {
        super(field, request -> FilterCheck.complete(request.getUserText(), request.getUserText().length(), valuesOf,
                macros.get()).candidates(), new StringConverter<>() {
            // the popup says which names are the rules' lists and macros; choosing one inserts the bare name
            @Override
            public String toString(String s) {
                dev.saker.index.FilterMacros m = macros.get();
                return m.isList(s) ? s + "  (list)" : m.isMacro(s) ? s + "  (macro)" : s;
            }

            @Override
            public String fromString(String s) {
                return s;
            }
        });
        this.field = field;
        this.valuesOf = valuesOf;
        this.macros = macros;
        setVisibleRowCount(12);
        // wide enough for Falco's longer list names and typical paths (the default cut them off)
        setPrefWidth(440);
        // the caret moves after the text changes: ask for suggestions once both are current
        field.textProperty().addListener((o, a, b) -> typed = !completing);
        field.caretPositionProperty().addListener((o, a, b) -> {
            if (typed && field.isFocused()) {
                typed = false;
                // the whole text before the caret: whether a field name or a value is being typed depends on it
                setUserInput(field.getText().substring(0, Math.min(b.intValue(), field.getText().length())));
            }
        });
        field.focusedProperty().addListener((o, a, b) -> {
            if (!b) {
                hidePopup();
            }
        });
    }


    @Override
    protected void completeUserInput(String completion) {
        String text = field.getText();
        int caret = Math.min(field.getCaretPosition(), text.length());
        int start = FilterCheck.complete(text.substring(0, caret), caret, valuesOf, macros.get()).start();
        completing = true;
        try {
            field.setText(text.substring(0, start) + completion + text.substring(caret));
            field.positionCaret(start + completion.length());
        } finally {
            completing = false;
        }
    }

    @Override
    public void dispose() {
    }
}
