package dev.saker.ui.filter;

import dev.saker.index.FilterCheck;
import java.util.Collection;
import javafx.scene.control.TextField;
import javafx.util.StringConverter;
import org.controlsfx.control.textfield.AutoCompletionBinding;

/**
 * ControlsFX completion of the field name being typed at the caret (not of the whole condition):
 * the word before the caret is the user input, and choosing a suggestion replaces only that word.
 */
final class FieldCompletion extends AutoCompletionBinding<String> {
    private final TextField field;
    private boolean completing;
    private boolean typed;

    FieldCompletion(TextField field) {
        super(field, request -> suggestions(request.getUserText()), new StringConverter<>() {
            @Override
            public String toString(String s) {
                return s;
            }

            @Override
            public String fromString(String s) {
                return s;
            }
        });
        this.field = field;
        setVisibleRowCount(12);
        // the caret moves after the text changes: ask for suggestions once both are current
        field.textProperty().addListener((o, a, b) -> typed = !completing);
        field.caretPositionProperty().addListener((o, a, b) -> {
            if (typed && field.isFocused()) {
                typed = false;
                setUserInput(wordAtCaret(field.getText(), b.intValue()));
            }
        });
        field.focusedProperty().addListener((o, a, b) -> {
            if (!b) {
                hidePopup();
            }
        });
    }

    static Collection<String> suggestions(String word) {
        return FilterCheck.fieldsStartingWith(word);
    }

    private static String wordAtCaret(String text, int caret) {
        int end = Math.min(caret, text.length());
        return text.substring(FilterCheck.wordStart(text, end), end);
    }

    @Override
    protected void completeUserInput(String completion) {
        String text = field.getText();
        int caret = Math.min(field.getCaretPosition(), text.length());
        int start = FilterCheck.wordStart(text, caret);
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
