package dev.saker.fields;

/**
 * One field of the field language, e.g. {@code proc.name}.
 *
 * @param argument whether the field takes an argument in brackets ({@code proc.aname[2]}); NONE, OPTIONAL or REQUIRED
 * @param appender writes the field's text straight into an output line, for fields whose value is a
 *                 rendering; null when the text is the extracted value's
 */
public record Field(String name, FieldType type, Argument argument, String description, Extractor extractor,
                    TextAppender appender) {
    public enum Argument { NONE, OPTIONAL, REQUIRED }

    public Field(String name, FieldType type, Argument argument, String description, Extractor extractor) {
        this(name, type, argument, description, extractor, null);
    }

    /** Appends a field's text to a line; false, appending nothing, when the field has no value. */
    @FunctionalInterface
    public interface TextAppender {
        boolean append(EventContext ctx, String arg, StringBuilder out);
    }
}
