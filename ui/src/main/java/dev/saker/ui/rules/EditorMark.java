package dev.saker.ui.rules;

/** A loader problem as the editor shows it: the range it underlines, error or warning, the hover text. */
public record EditorMark(int start, int end, boolean error, String message) {
}
