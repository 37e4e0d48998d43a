package dev.saker.fields;

/**
 * One field of the field language, e.g. {@code proc.name}.
 *
 * @param argument whether the field takes an argument in brackets ({@code proc.aname[2]}); NONE, OPTIONAL or REQUIRED
 */
public record Field(String name, FieldType type, Argument argument, String description, Extractor extractor) {
    public enum Argument { NONE, OPTIONAL, REQUIRED }
}
