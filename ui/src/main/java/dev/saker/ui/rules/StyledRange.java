package dev.saker.ui.rules;

/** A stretch {@code [start, end)} of the editor's text and the style class it gets. */
public record StyledRange(int start, int end, String styleClass) {
}
