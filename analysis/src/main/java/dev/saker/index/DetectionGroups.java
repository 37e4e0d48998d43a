package dev.saker.index;

import dev.saker.engine.Detection;
import dev.saker.rules.Priority;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Detections grouped by rule, most severe priority first, then by rule name; each group in event order. */
public final class DetectionGroups {
    private DetectionGroups() {
    }

    public record Group(String rule, Priority priority, List<Detection> detections) {
        /** The priority as Falco writes it ("Warning"). */
        public String priorityText() {
            return priority.text();
        }
    }

    public static List<Group> of(List<Detection> detections) {
        Map<String, List<Detection>> byRule = new LinkedHashMap<>();
        for (Detection d : detections) {
            byRule.computeIfAbsent(d.rule(), r -> new ArrayList<>()).add(d);
        }
        List<Group> out = new ArrayList<>();
        byRule.forEach((rule, ds) -> out.add(new Group(rule, ds.get(0).priority(), List.copyOf(ds))));
        out.sort(Comparator.comparing(Group::priority).thenComparing(Group::rule));
        return out;
    }
}
