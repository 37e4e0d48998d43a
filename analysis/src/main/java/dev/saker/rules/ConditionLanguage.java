package dev.saker.rules;

import dev.saker.fields.FieldRegistry;
import java.util.List;

/**
 * The seam between the rule loader and the condition language. The loader needs three things:
 * parse a condition text, substitute macro references on the syntax tree, and compile the
 * expanded tree against the fields. {@link FilterConditions} implements it over dev.saker.filter;
 * the seam keeps the loader's Falco logic (visibility, loops, error contexts) apart from the
 * language's tree, and let the loader be built before the language landed.
 */
public interface ConditionLanguage {

    /** A parsed condition. Trees are immutable: substitution returns a new tree. */
    interface Syntax {
        /**
         * Visits every macro reference (identifier expression) depth first, left to right, and puts
         * the visitor's replacement where it returns one.
         */
        Syntax substituteIdentifiers(IdentifierVisitor visitor) throws ConditionError;
    }

    @FunctionalInterface
    interface IdentifierVisitor {
        /** The tree to put in place of the identifier, or null to keep it. */
        Syntax visit(String identifier, int index, int line, int column) throws ConditionError;
    }

    /**
     * What compiling an expanded condition tells the loader besides success; {@code extra} is the
     * language's own compiled form (for dev.saker.filter, the Filter the engine evaluates).
     */
    record Compiled(List<ConditionError> warnings, java.util.BitSet eventCodes, Object extra) {
    }

    /**
     * A parse or compile problem at a 0-based index and 1-based line/column of the condition text,
     * with libsinsp's message (the loader matches some messages, as Falco does).
     */
    final class ConditionError extends Exception {
        private final int index;
        private final int line;
        private final int column;

        public ConditionError(String message, int index, int line, int column) {
            super(message, null, false, false);
            this.index = index;
            this.line = line;
            this.column = column;
        }

        public int index() {
            return index;
        }

        public int line() {
            return line;
        }

        public int column() {
            return column;
        }
    }

    /**
     * What Falco's filter_warning_resolver finds in an expanded condition: an equality check of a
     * ka./jevt. field against "<NA>", and deprecated fields (evt.dir, evt.latency*, evt.wait_latency)
     * in Falco's order.
     */
    record Warnings(boolean unsafeNaCheck, List<String> deprecatedFields) {
    }

    Syntax parse(String condition) throws ConditionError;

    Warnings warnings(Syntax expanded);

    /** Compiles a tree whose macros are all expanded; unknown fields and event types are errors. */
    Compiled compile(Syntax expanded, FieldRegistry fields) throws ConditionError;
}
