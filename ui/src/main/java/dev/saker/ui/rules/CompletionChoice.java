package dev.saker.ui.rules;

import java.util.List;

/** Completions at the caret: replace {@code [start, end)} by a candidate; {@code field} is set for values. */
public record CompletionChoice(int start, int end, String field, List<String> candidates) {
}
