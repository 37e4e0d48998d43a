package dev.saker.rules;

import dev.saker.rules.ConditionLanguage.ConditionError;
import dev.saker.rules.ConditionLanguage.Syntax;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * Expands macro references on the syntax tree as Falco's filter_macro_resolver does: a reference
 * to a visible macro is replaced by that macro's tree, itself expanded; a macro met again on the
 * current path is a reference loop; an unknown identifier is collected. Only the first problem is
 * reported (errors before unknown macros), at its position in the condition.
 */
final class MacroResolver {
    record Problem(String message, int index, int line, int column) {
    }

    private final Function<String, Syntax> visible;
    private final Deque<String> path = new ArrayDeque<>();
    private final List<Problem> errors = new ArrayList<>();
    private final List<Problem> unknown = new ArrayList<>();
    private final Set<String> resolved = new LinkedHashSet<>();

    /** @param visible the tree of each macro visible here by name, null for others */
    MacroResolver(Function<String, Syntax> visible) {
        this.visible = visible;
    }

    Syntax run(Syntax tree) throws ConditionError {
        return tree.substituteIdentifiers(this::visit);
    }

    private Syntax visit(String name, int index, int line, int column) throws ConditionError {
        Syntax macro = visible.apply(name);
        if (macro == null) {
            unknown.add(new Problem("Undefined macro '" + name + "' used in filter.", index, line, column));
            return null;
        }
        if (path.contains(name)) {
            errors.add(new Problem("reference loop in macro '" + name + "'", index, line, column));
            unknown.add(new Problem("Undefined macro '" + name + "' used in filter.", index, line, column));
            return null;
        }
        path.push(name);
        Syntax expanded = macro.substituteIdentifiers(this::visit);
        path.pop();
        resolved.add(name);
        return expanded;
    }

    /** The problem Falco reports, or null when every reference resolved. */
    Problem firstProblem() {
        return !errors.isEmpty() ? errors.get(0) : unknown.isEmpty() ? null : unknown.get(0);
    }

    Set<String> resolvedMacros() {
        return resolved;
    }
}
