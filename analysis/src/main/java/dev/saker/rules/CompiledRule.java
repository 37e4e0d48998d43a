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

    /**
     * The condition with exceptions added, macros and lists substituted, as one plain filter text
     * (e.g. for {@code sysdig -r F FILTER}); null under a condition language without a filter tree.
     */
    public String plainCondition() {
        return plainCondition(dev.saker.fields.LibsEdition.CURRENT);
    }

    /** {@link #plainCondition()} as the given edition's parser reads it (sysdig 0.29.3's for SYSDIG_2022). */
    public String plainCondition(dev.saker.fields.LibsEdition edition) {
        dev.saker.filter.Expr e = FilterConditions.exprOf(syntax);
        return e == null ? null : dev.saker.filter.ConditionText.of(e, edition);
    }

    /** How many event types the rule can match; Falco warns LOAD_NO_EVTTYPE above 100. */
    public int eventCodeCount() {
        return eventCodes == null ? 0 : eventCodes.cardinality();
    }
}
