package dev.saker.rules;

import dev.saker.rules.ConditionLanguage.Compiled;
import dev.saker.rules.ConditionLanguage.Syntax;
import dev.saker.rules.ConditionLanguage.Warnings;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * What compiling a macro or rule gave last time, so that the compile after the next file (Falco
 * compiles everything collected so far again after each file, to report each file's problems) can
 * skip the items whose inputs did not change. Each step is reused only when everything it read is
 * the same: the same text (lists already substituted) for a parse, the same parsed tree and the
 * very same tree for every macro name looked up (trees are immutable, and a changed macro gets a
 * new tree) for an expansion, the same expanded tree for checking and compiling. Only successes are
 * kept: a step that failed runs again and fails the same way. Loading the official rules' three
 * files compiled about 1.8 times as many items as the files hold.
 */
final class CompileMemo {
    /**
     * An item: macros and rules have separate namespaces. (Not a record: a record's equals and hashCode
     * are bootstrapped on first use, a cost a cold start pays in the interpreter.)
     */
    static final class Key {
        private final boolean macro;
        private final String name;

        Key(boolean macro, String name) {
            this.macro = macro;
            this.name = name;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && k.macro == macro && k.name.equals(name);
        }

        @Override
        public int hashCode() {
            return name.hashCode() * 2 + (macro ? 1 : 0);
        }
    }

    private record Parsed(String text, Syntax tree) {
    }

    /** An expansion and every macro name it looked up, with the tree it got (never null: that fails). */
    private record Resolved(Syntax tree, Map<String, Syntax> lookups, Syntax expanded, Set<String> macros) {
    }

    /** A rule's expanded tree with the language's warnings and compiled form for it. */
    record Checked(Syntax expanded, Warnings warnings, Compiled compiled) {
    }

    private final Map<Key, Parsed> parsed = new HashMap<>();
    private final Map<Key, Resolved> resolved = new HashMap<>();
    private final Map<Key, Checked> checked = new HashMap<>();
    private final Map<String, Optional<String>> outputErrors = new HashMap<>();

    Syntax parsed(Key key, String text) {
        Parsed p = parsed.get(key);
        return p != null && p.text.equals(text) ? p.tree : null;
    }

    void parsed(Key key, String text, Syntax tree) {
        parsed.put(key, new Parsed(text, tree));
    }

    /** The expansion of {@code tree} made last time, if every lookup it made still gives the same tree. */
    Syntax expanded(Key key, Syntax tree, Function<String, Syntax> visible, Set<String> usedMacros) {
        Resolved r = resolved.get(key);
        if (r == null || r.tree != tree) {
            return null;
        }
        for (Map.Entry<String, Syntax> e : r.lookups.entrySet()) {
            if (visible.apply(e.getKey()) != e.getValue()) {
                return null;
            }
        }
        usedMacros.addAll(r.macros);
        return r.expanded;
    }

    /** A lookup that records what it answered, to be checked again before an expansion is reused. */
    static final class Lookups implements Function<String, Syntax> {
        private final Function<String, Syntax> visible;
        private final Map<String, Syntax> seen = new LinkedHashMap<>();

        Lookups(Function<String, Syntax> visible) {
            this.visible = visible;
        }

        @Override
        public Syntax apply(String name) {
            Syntax s = visible.apply(name);
            seen.putIfAbsent(name, s);
            return s;
        }
    }

    void expanded(Key key, Syntax tree, Syntax expanded, Lookups lookups, Set<String> macros) {
        resolved.put(key, new Resolved(tree, lookups.seen, expanded, Set.copyOf(macros)));
    }

    Checked checked(Key key, Syntax expanded) {
        Checked c = checked.get(key);
        return c != null && c.expanded == expanded ? c : null;
    }

    void checked(Key key, Checked c) {
        checked.put(key, c);
    }

    /** The output format's problem (null when it has none), computed once per output text. */
    String outputError(String output, Function<String, String> check) {
        Optional<String> e = outputErrors.get(output);
        if (e == null) {
            e = Optional.ofNullable(check.apply(output));
            outputErrors.put(output, e);
        }
        return e.orElse(null);
    }
}
