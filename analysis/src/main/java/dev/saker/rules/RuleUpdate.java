package dev.saker.rules;

import java.util.List;
import java.util.Set;

/** An append to or a selective replace of an existing rule: only the keys that were given are set. */
final class RuleUpdate {
    final String name;
    final LoadContext ctx;
    String source = "";
    String condition;
    LoadContext conditionCtx;
    String output;
    String desc;
    Set<String> tags;
    List<ExceptionInfo> exceptions;
    Priority priority;
    Boolean capture;
    Long captureDuration;
    Boolean enabled;
    Boolean warnEvttypes;
    Boolean skipIfUnknownFilter;

    RuleUpdate(String name, LoadContext ctx) {
        this.name = name;
        this.ctx = ctx;
        this.conditionCtx = ctx;
    }

    boolean hasAnyValue() {
        return condition != null || output != null || desc != null || tags != null || exceptions != null
                || priority != null || capture != null || captureDuration != null || enabled != null
                || warnEvttypes != null || skipIfUnknownFilter != null;
    }
}
