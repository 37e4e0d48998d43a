package dev.saker.fields;

import dev.saker.scap.ConformanceCaptures;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Field values of real conformance captures, for behaviour tests. */
final class FieldsOnCaptures {
    private FieldsOnCaptures() {
    }

    /** The fields' text values (null when missing) at event {@code num}; fails if no such event is returned. */
    static Map<String, String> at(String capture, LibsEdition edition, long num, String... fields) throws IOException {
        Path path = ConformanceCaptures.capture(capture);
        FieldRegistry registry = FieldRegistry.standard();
        try (InspectedEvents events = InspectedEvents.open(path, edition)) {
            for (EventContext c; (c = events.next()) != null; ) {
                if (c.num() == num) {
                    Map<String, String> values = new LinkedHashMap<>();
                    for (String f : fields) {
                        values.put(f, registry.resolve(f).text(c));
                    }
                    return values;
                }
            }
        }
        throw new AssertionError("no event " + num + " in " + capture);
    }

    /** One field's text value at every returned event, in order, as "num value". */
    static List<String> all(String capture, LibsEdition edition, String field) throws IOException {
        Path path = ConformanceCaptures.capture(capture);
        BoundField f = FieldRegistry.standard().resolve(field);
        List<String> out = new ArrayList<>();
        try (InspectedEvents events = InspectedEvents.open(path, edition)) {
            for (EventContext c; (c = events.next()) != null; ) {
                out.add(c.num() + " " + f.text(c));
            }
        }
        return out;
    }
}
