package dev.saker.index;

import dev.saker.fields.BoundField;
import dev.saker.fields.EventContext;
import dev.saker.fields.FieldRegistry;
import dev.saker.fields.InspectedEvents;
import dev.saker.fields.LibsEdition;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

/**
 * The values a field takes in a capture, most frequent first: what completion offers after
 * {@code proc.name = }. Reads at most {@code maxEvents} events so a huge capture answers quickly
 * (the values of its beginning), and keeps at most {@code maxValues} distinct values.
 */
public final class FieldValues {
    private FieldValues() {
    }

    /**
     * @throws IllegalArgumentException when {@code field} names no field
     */
    public static List<String> of(Path capture, String field, FieldRegistry registry, int maxValues, long maxEvents,
            BooleanSupplier cancelled) throws IOException {
        BoundField f = registry.resolve(field);
        if (f == null) {
            throw new IllegalArgumentException("no field named " + field);
        }
        Map<String, Integer> counts = new HashMap<>();
        long seen = 0;
        try (InspectedEvents in = InspectedEvents.open(capture, LibsEdition.CURRENT)) {
            in.demand(InspectedEvents.Wanted.DELIVERED);
            EventContext ctx;
            while (seen++ < maxEvents && !cancelled.getAsBoolean() && (ctx = in.next()) != null) {
                String v = f.text(ctx);
                if (v != null && (counts.size() < maxValues * 4 || counts.containsKey(v))) {
                    counts.merge(v, 1, Integer::sum);
                }
            }
        }
        List<Map.Entry<String, Integer>> es = new ArrayList<>(counts.entrySet());
        es.sort(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()));
        return es.stream().limit(maxValues).map(Map.Entry::getKey).toList();
    }
}
