package dev.saker.rules;

/** A macro as collected: condition text (appends concatenate) and where the condition sits. */
final class MacroInfo {
    final String name;
    final LoadContext ctx;
    String condition;
    LoadContext conditionCtx;
    int index;
    int visibility;

    MacroInfo(String name, LoadContext ctx) {
        this.name = name;
        this.ctx = ctx;
        this.conditionCtx = ctx;
    }
}
