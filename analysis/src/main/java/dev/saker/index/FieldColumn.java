package dev.saker.index;

import dev.saker.fields.BoundField;
import dev.saker.fields.EventContext;
import dev.saker.fields.InspectedEvents;
import dev.saker.fields.LibsEdition;
import dev.saker.format.RenderedFields;
import java.io.IOException;
import java.util.function.BooleanSupplier;

/**
 * A table column for any field: its value on every row, computed in one pass (fields need the state
 * at each event) and kept as an id per row into a pool of distinct texts, so that a column of
 * millions of rows costs 4 bytes a row plus its distinct values.
 */
public final class FieldColumn {
    public static final String NA = "<NA>";

    private final String field;
    private final IntColumn ids = new IntColumn();
    private final StringPool values = new StringPool();

    private FieldColumn(String field) {
        this.field = field;
    }

    /** Whether {@code name} is a field (with its argument, if any) that a column can show. */
    public static boolean known(String name) {
        try {
            return RenderedFields.registry().resolve(name) != null;
        } catch (RuntimeException e) {
            return false;
        }
    }

    /** Computes the column for the first {@code index.size()} rows; null when cancelled. */
    public static FieldColumn compute(CaptureIndex index, String field, BooleanSupplier cancelled) throws IOException {
        BoundField f = RenderedFields.registry().resolve(field);
        if (f == null) {
            throw new IllegalArgumentException("no such field: " + field);
        }
        FieldColumn col = new FieldColumn(field);
        int size = index.size();
        try (InspectedEvents events = InspectedEvents.open(index.capture(), LibsEdition.CURRENT)) {
            events.demand(InspectedEvents.Wanted.DELIVERED);
            int row = 0;
            for (EventContext c; row < size && (c = events.next()) != null; row++) {
                if ((row & 4095) == 0 && cancelled.getAsBoolean()) {
                    return null;
                }
                col.ids.add(col.values.id(f.text(c)));
            }
        }
        return col;
    }

    public String field() {
        return field;
    }

    public int size() {
        return ids.size();
    }

    /** The row's value as text, or {@link #NA} when the event has none (or the row is past the column). */
    public String value(int row) {
        if (row >= ids.size()) {
            return NA;
        }
        String v = values.get(ids.get(row));
        return v == null ? NA : v;
    }
}
