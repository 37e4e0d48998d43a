package dev.saker.fields;

/**
 * Computes one field's value for an event. Returns null when the field has no value for it (sysdig
 * prints {@code <NA>}); otherwise a String, a Long (numbers, unsigned 32-bit values already widened)
 * or a Boolean.
 */
@FunctionalInterface
public interface Extractor {
    Object extract(EventContext ctx, String arg);
}
