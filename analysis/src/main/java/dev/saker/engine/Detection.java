package dev.saker.engine;

import java.util.Map;
import java.util.Set;

/**
 * One alert: the rule that matched, its priority, the event's number and time (ns since the epoch),
 * the rule's output with fields substituted (without Falco's time/priority prefix), the values of the
 * output's fields by name (typed: Long, String, null when missing), the rule's tags and source.
 */
public record Detection(String rule, dev.saker.rules.Priority priority, long eventNumber, long timeNs, String output,
        Map<String, Object> outputFields, Set<String> tags, String source) {
}
