package dev.saker.rules;

import dev.saker.filter.Filter;
import java.util.BitSet;
import java.util.List;
import java.util.Set;

/**
 * A rule that loaded: its condition as written, with its exceptions added (Falco's text), with lists
 * substituted too, and its syntax tree with every macro expanded, ready for the engine. Rules are
 * listed in evaluation (first-definition) order. {@code filter} is what the engine evaluates (null
 * only under a condition language that does not compile to dev.saker.filter).
 */
public record CompiledRule(String name, String description, String condition, String conditionWithExceptions,
        String expandedCondition,
        ConditionLanguage.Syntax syntax, Filter filter, String output, Priority priority, String source, Set<String> tags,
        boolean enabled, boolean capture, long captureDuration, Set<String> exceptionFields, BitSet eventCodes,
        List<Location> locations) {

    /** How many event types the rule can match; Falco warns LOAD_NO_EVTTYPE above 100. */
    public int eventCodeCount() {
        return eventCodes == null ? 0 : eventCodes.cardinality();
    }
}
