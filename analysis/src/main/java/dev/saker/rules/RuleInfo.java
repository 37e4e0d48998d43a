package dev.saker.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** A rule as collected, before its condition is expanded and compiled. */
final class RuleInfo {
    final String name;
    final LoadContext ctx;
    LoadContext conditionCtx;
    LoadContext outputCtx;
    String condition = "";
    String output = "";
    String desc = "";
    Priority priority = Priority.DEBUG;
    String source = RuleLoader.SYSCALL_SOURCE;
    boolean unknownSource;
    boolean enabled = true;
    boolean capture;
    long captureDuration;
    boolean warnEvttypes = true;
    boolean skipIfUnknownFilter;
    Set<String> tags = new TreeSet<>();
    List<ExceptionInfo> exceptions = new ArrayList<>();
    int index;
    int visibility;

    RuleInfo(String name, LoadContext ctx) {
        this.name = name;
        this.ctx = ctx;
        this.conditionCtx = ctx;
        this.outputCtx = ctx;
    }
}
