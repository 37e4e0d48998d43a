package dev.saker.engine;

import dev.saker.rules.CompiledRule;
import dev.saker.rules.Priority;
import java.util.List;
import java.util.Set;

/**
 * Which loaded rules run, as Falco's command line picks them: {@code -D} disables rules whose name
 * contains the text, {@code -T} disables rules with the tag, {@code -t} runs only rules with one of
 * the tags, and rules less severe than the minimum priority are not run. Rules with
 * {@code enabled: false} never run.
 */
public record Selection(List<String> disabledNames, Set<String> disabledTags, Set<String> enabledTags, Priority minPriority) {
    public static final Selection DEFAULT = new Selection(List.of(), Set.of(), Set.of(), Priority.DEBUG);

    public Selection {
        disabledNames = List.copyOf(disabledNames);
        disabledTags = Set.copyOf(disabledTags);
        enabledTags = Set.copyOf(enabledTags);
        minPriority = minPriority == null ? Priority.DEBUG : minPriority;
    }

    public boolean runs(CompiledRule r) {
        if (!r.enabled() || r.filter() == null || !r.priority().atLeast(minPriority)) {
            return false;
        }
        if (!enabledTags.isEmpty() && r.tags().stream().noneMatch(enabledTags::contains)) {
            return false;
        }
        if (r.tags().stream().anyMatch(disabledTags::contains)) {
            return false;
        }
        for (String d : disabledNames) {
            if (r.name().contains(d)) {
                return false;
            }
        }
        return true;
    }
}
