package dev.saker.filter;

import dev.saker.fields.EventContext;

/**
 * A compiled condition: decides whether one event matches. Evaluation follows libsinsp: and/or
 * left to right with short circuit, a check whose field has no value is false whatever the operator
 * (so {@code not (x = y)} is true then). {@code toString()} is the compiled tree's debug dump.
 *
 * <p>Filters hold no per-event state and never throw for an event.
 */
@FunctionalInterface
public interface Filter {
    boolean matches(EventContext ctx);

    /** The filter that matches every event (no condition given). */
    Filter ALL = ctx -> true;
}
