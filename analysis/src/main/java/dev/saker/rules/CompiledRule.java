package dev.saker.rules;

import java.util.List;
import java.util.Set;

/**
 * A rule that loaded: its expanded condition text (lists, exceptions) and its syntax tree with
 * every macro expanded, ready for the engine. {@code index} is its evaluation-order position.
 */
public record CompiledRule(String name, String description, String condition, String expandedCondition,
        ConditionLanguage.Syntax syntax, String output, Priority priority, String source, Set<String> tags,
        boolean enabled, boolean capture, long captureDuration, Set<String> exceptionFields, int eventCodeCount,
        List<Location> locations) {
}
