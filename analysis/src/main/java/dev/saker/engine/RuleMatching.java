package dev.saker.engine;

/** Falco's {@code rule_matching}: stop at the first matching rule (default) or report every match. */
public enum RuleMatching {
    FIRST, ALL
}
