package dev.saker.fields;

/**
 * What kind of value a field yields. The text rendering prints every kind the same way; the JSON
 * rendering writes numbers and booleans unquoted, as sysdig's {@code -j} does.
 */
public enum FieldType {
    STRING, NUMBER, BOOL,
    /** A timestamp in nanoseconds: text shows it as evt.time does, JSON as the number. */
    TIME,
    /** A byte buffer ({@link ByteValue}): compared byte-wise, printed as its rendering. */
    BYTES
}
