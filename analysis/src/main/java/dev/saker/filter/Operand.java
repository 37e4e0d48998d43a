package dev.saker.filter;

import java.util.List;

/**
 * A side of a check: a field, a transformer around operands, a literal value, or a list of values.
 * Field names stay text here; the checker resolves them against a field registry.
 */
public sealed interface Operand permits Operand.Field, Operand.Transform, Operand.Value, Operand.ValueList,
        Operand.TransformList {

    Span span();

    /** {@code proc.name}, {@code proc.aname[2]}, {@code evt.arg.flags}; {@code arg} is null without brackets. */
    record Field(String name, String arg, Span span) implements Operand {
        /** The reference as written in the field language: name plus {@code [arg]}. */
        public String text() {
            return arg == null ? name : name + "[" + arg + "]";
        }

        @Override
        public String toString() {
            return SExpression.of(this);
        }
    }

    /**
     * {@code tolower(proc.name)}, {@code val(proc.pname)}, {@code join("-", (a, b))}; a transformer may
     * carry its own bracket argument after the closing parenthesis ({@code arg}, null when absent).
     */
    record Transform(Transformer kind, List<Operand> args, String arg, Span span) implements Operand {
        public Transform {
            args = List.copyOf(args);
        }

        @Override
        public String toString() {
            return SExpression.of(this);
        }
    }

    /**
     * A literal: {@code text} with quotes removed and escapes resolved. An unquoted value that is
     * an identifier may be a list name, which the rules layer expands.
     */
    record Value(String text, boolean quoted, Span span) implements Operand {
        /** Whether this value could name a list: unquoted and shaped like an identifier. */
        public boolean isIdentifier() {
            return !quoted && ConditionLexer.isIdentifier(text);
        }

        @Override
        public String toString() {
            return SExpression.of(this);
        }
    }

    /** {@code (a, "b c", some_list)}: the right-hand side of in/intersects/pmatch or of a modifier. */
    record ValueList(List<Value> items, Span span) implements Operand {
        public ValueList {
            items = List.copyOf(items);
        }

        @Override
        public String toString() {
            return SExpression.of(this);
        }
    }

    /** {@code (fd.name, fd.directory)}: a transformer's list argument, whose items may be fields. */
    record TransformList(List<Operand> items, Span span) implements Operand {
        public TransformList {
            items = List.copyOf(items);
        }

        @Override
        public String toString() {
            return SExpression.of(this);
        }
    }

    /** The transformers of the language; {@link #VAL} marks a right-hand field reference. */
    enum Transformer {
        TOLOWER("tolower"), TOUPPER("toupper"), B64("b64"), BASENAME("basename"), LEN("len"),
        JOIN("join"), CONCAT("concat"), GETOPT("getopt"), VAL("val");

        private final String text;

        Transformer(String text) {
            this.text = text;
        }

        public String text() {
            return text;
        }
    }
}
