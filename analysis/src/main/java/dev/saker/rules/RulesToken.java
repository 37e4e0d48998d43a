package dev.saker.rules;

/** A classified stretch {@code [start, end)} of a rules text, for highlighting. */
public record RulesToken(int start, int end, Kind kind) {

    /** What a stretch of a rules file is, in terms of the file's structure and the condition language. */
    public enum Kind {
        /** a YAML mapping key (rule, condition, items, ...) */
        KEY,
        /** the name after rule:, macro: or list: */
        ITEM_NAME,
        COMMENT,
        /** a quoted string */
        STRING,
        /** a comparison operator (=, in, contains, pmatch, ...) or a transformer (tolower, ...) */
        OPERATOR,
        /** and, or, not */
        KEYWORD,
        FIELD,
        MACRO,
        LIST,
        NUMBER,
        /** a bare value: a list item, a priority, an unquoted comparison value */
        VALUE
    }

    public String styleClass() {
        return kind.name().toLowerCase().replace('_', '-');
    }
}
