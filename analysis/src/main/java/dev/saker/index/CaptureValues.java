package dev.saker.index;

import dev.saker.fields.BoundField;
import dev.saker.fields.FieldRegistry;
import dev.saker.fields.FieldType;
import dev.saker.format.RenderedFields;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The values the filter bar offers for a field of an open capture, sorted: what the index keeps
 * (process, fd and directory names) at once, also while indexing goes on; any other text field
 * ({@code evt.type}, {@code user.name}, {@code container.id}, ...) from one pass over the capture's
 * beginning ({@link FieldValues}), made the first time the field is asked for and kept. Safe to call
 * from several threads; a pass runs on the caller's.
 */
public final class CaptureValues {
    static final int MAX_VALUES = 500;
    static final long MAX_EVENTS = 2_000_000;
    static final String NA = "<NA>";

    private final CaptureIndex index;
    private final FieldRegistry registry;
    private final Map<String, List<String>> passes = new ConcurrentHashMap<>();

    public CaptureValues(CaptureIndex index) {
        this(index, RenderedFields.registry());
    }

    CaptureValues(CaptureIndex index, FieldRegistry registry) {
        this.index = index;
        this.registry = registry;
    }

    /** The values of {@code field} in the capture, sorted; empty for names of no text field. */
    public List<String> of(String field) {
        if (index.keepsValuesOf(field)) {
            return index.valuesOf(field);
        }
        BoundField f = registry.resolve(field);
        // numbers and times take as many values as there are events: nothing worth offering
        if (f == null || f.type() != FieldType.STRING) {
            return List.of();
        }
        return passes.computeIfAbsent(field, k -> pass(k));
    }

    private List<String> pass(String field) {
        try {
            List<String> v = new ArrayList<>(FieldValues.of(index.capture(), field, registry, MAX_VALUES, MAX_EVENTS,
                    () -> false));
            // what events without the value print (sysdig's "exists" leaves them out): nothing to filter on
            v.remove(NA);
            v.sort(null);
            return List.copyOf(v);
        } catch (IOException e) {
            // a capture damaged after its beginning: completion offers nothing rather than failing the typing
            return List.of();
        }
    }
}
