package dev.saker.filter;

import dev.saker.fields.BoundField;
import dev.saker.fields.Field;
import dev.saker.fields.FieldRegistry;
import dev.saker.fields.FieldType;
import dev.saker.fields.LibsEdition;
import dev.saker.fields.LongExtractor;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * The checker and compiler stage: resolves every field of an (expanded) syntax tree against a
 * field registry, checks that each operator suits its field's type as libsinsp does, reads
 * right-hand values as the field's type, and builds the {@link Filter}. Every problem is collected
 * (not just the first), each with the span of the offending node.
 *
 * <p>Which operators each type takes (libsinsp flt_is_comparable): numbers {@code = == != < <= > >=
 * in intersects exists}; booleans {@code = == != in intersects exists}; strings everything but
 * bcontains/bstartswith (which need byte buffers).
 */
public final class FilterCompiler {
    /** Ancestor fields that, without an index, mean "any ancestor" in a filter. */
    private static final Set<String> ANCESTOR_FIELDS =
            Set.of("proc.aname", "proc.apid", "proc.aexe", "proc.aexepath", "proc.acmdline", "proc.aenv");

    private static final Set<String> PORT_FIELDS =
            Set.of("fd.port", "fd.proto", "fd.sport", "fd.cport", "fd.lport", "fd.rport");

    private final FieldRegistry registry;
    private final LibsEdition edition;
    private final List<FilterProblem> problems = new ArrayList<>();

    private FilterCompiler(FieldRegistry registry, LibsEdition edition) {
        this.registry = registry;
        this.edition = edition;
    }

    /** Compiles a parsed (and macro/list-expanded) tree as current libs read it. */
    public static CompileResult compile(Expr expr, FieldRegistry registry) {
        return compile(expr, registry, LibsEdition.CURRENT);
    }

    /**
     * Compiles a tree as the given edition's filter compiler reads it. They differ in one place:
     * sysdig 0.29.3 reads an empty list, {@code x in ()}, as a list of one empty string (so it holds
     * where x is "", and for port fields where the port is 0), current libs as the empty set.
     */
    public static CompileResult compile(Expr expr, FieldRegistry registry, LibsEdition edition) {
        FilterCompiler c = new FilterCompiler(registry, edition);
        Filter f = c.filter(expr);
        return c.problems.isEmpty() ? new CompileResult(f, List.of()) : new CompileResult(null, c.problems);
    }

    /** Parses and compiles a condition that uses no macros or lists: {@code saker read}'s filter. */
    public static CompileResult compile(String text, String sourceName, FieldRegistry registry) {
        return compile(text, sourceName, registry, LibsEdition.CURRENT);
    }

    public static CompileResult compile(String text, String sourceName, FieldRegistry registry, LibsEdition edition) {
        ParseResult parsed = Condition.parse(text, sourceName);
        if (!parsed.ok()) {
            return new CompileResult(null, parsed.problems());
        }
        return compile(parsed.expr(), registry, edition);
    }

    /**
     * The right-hand values of a check. Under sysdig 0.29.3 an empty list holds one empty string,
     * which its value parser reads as port 0 for port fields (PT_PORT) and rejects for other numbers.
     */
    private List<Operand.Value> values(Expr.Check c) {
        if (c.right() instanceof Operand.ValueList l) {
            if (l.items().isEmpty() && edition == LibsEdition.SYSDIG_2022) {
                boolean port = c.left() instanceof Operand.Field f && PORT_FIELDS.contains(f.name());
                return List.of(new Operand.Value(port ? "0" : "", true, l.span()));
            }
            return l.items();
        }
        return List.of((Operand.Value) c.right());
    }

    private Filter filter(Expr e) {
        if (e instanceof Expr.And a) {
            return new CompiledNodes.And(filters(a.children()));
        } else if (e instanceof Expr.Or o) {
            return new CompiledNodes.Or(filters(o.children()));
        } else if (e instanceof Expr.Not n) {
            return new CompiledNodes.Not(filter(n.child()));
        } else if (e instanceof Expr.Identifier i) {
            problem(FilterProblem.Code.UNDEFINED_IDENTIFIER, "Undefined macro '" + i.name() + "' used in filter.", i.span());
            return Filter.ALL;
        }
        return check((Expr.Check) e);
    }

    /** A plain loop: rules compile at start-up, where a stream per and/or node runs in the interpreter. */
    private Filter[] filters(List<Expr> children) {
        Filter[] out = new Filter[children.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = filter(children.get(i));
        }
        return out;
    }

    private Filter check(Expr.Check c) {
        String source = c.toString();
        if (c.left() instanceof Operand.Field lf && NetChecks.NAMES.contains(lf.name()) && registry.get(lf.name()) != null) {
            return net(c, lf, source);
        }
        Field ancestor = anyAncestorField(c.left());
        ValueSource left = ancestor == null ? source(c.left()) : null;
        if (left == null && ancestor == null) {
            return Filter.ALL;
        }
        FieldType type = ancestor != null ? (ancestor.type() == FieldType.TIME ? FieldType.NUMBER : ancestor.type())
                : left.type();
        if (!operatorFits(c.op(), type)) {
            problem(FilterProblem.Code.OPERATOR_NOT_SUPPORTED, "'" + c.op().text() + "' operator not supported for "
                    + typeName(type) + " filters", c.span());
            return Filter.ALL;
        }
        if (c.right() instanceof Operand.Transform || c.right() instanceof Operand.TransformList) {
            if (ancestor != null) {
                problem(FilterProblem.Code.TRANSFORMER, "an ancestor field without an index cannot be compared with "
                        + "another field", c.left().span());
                return Filter.ALL;
            }
            ValueSource right = source(c.right());
            return right == null ? Filter.ALL : new CompiledNodes.Comparison(left, c.op(), right, source);
        }
        ValueTest test = test(c, type);
        if (test == null) {
            return Filter.ALL;
        }
        if (ancestor == null && test instanceof ValueTest.Number n && left instanceof ValueSource.FieldValue fv
                && fv.field().field().extractor() instanceof LongExtractor le) {
            return new CompiledNodes.NumberCheck(left, le, fv.field().arg(), n, source);
        }
        return ancestor != null ? new CompiledNodes.AnyAncestor(ancestor, test, source)
                : new CompiledNodes.Check(left, test, source);
    }

    /** fd.ip, fd.net, fd.port, fd.proto and the end networks: see {@link NetChecks}. */
    private Filter net(Expr.Check c, Operand.Field f, String source) {
        if (bind(f) == null) {
            return Filter.ALL;
        }
        String name = f.name();
        boolean port = name.equals("fd.port") || name.equals("fd.proto");
        boolean ends = !port && !name.equals("fd.ip") && !name.equals("fd.net");
        Operator op = c.op();
        boolean fits = switch (op) {
            case EQ, EQEQ, NE, IN, EXISTS -> true;
            case INTERSECTS -> ends;
            case LT, LE, GT, GE -> port;
            default -> false;
        };
        if (!fits) {
            String kind = port ? "port" : "ip address and network";
            problem(FilterProblem.Code.OPERATOR_NOT_SUPPORTED, "'" + op.text() + "' operator not supported for "
                    + kind + " filters", c.span());
            return Filter.ALL;
        }
        if (c.modifier() != Operator.Modifier.NONE) {
            problem(FilterProblem.Code.OPERATOR_NOT_SUPPORTED, "'" + op.text() + " " + c.modifier().text()
                    + "' with modifier not supported for ip address and network filters", c.span());
            return Filter.ALL;
        }
        if (c.right() instanceof Operand.Transform || c.right() instanceof Operand.TransformList) {
            problem(FilterProblem.Code.TRANSFORMER, "field '" + name + "' cannot be compared with another field",
                    c.right().span());
            return Filter.ALL;
        }
        List<Operand.Value> values = op == Operator.EXISTS ? List.of() : values(c);
        if (!op.takesList() && values.size() > 1) {
            problem(FilterProblem.Code.BAD_VALUE, "'" + op.text() + "' takes one value, not a list", c.right().span());
            return Filter.ALL;
        }
        if (op != Operator.EXISTS && values.isEmpty()) {
            problem(FilterProblem.Code.BAD_VALUE, "'" + op.text() + "' needs a value", c.span());
            return Filter.ALL;
        }
        if (port) {
            long[] ports = new long[values.size()];
            for (int i = 0; i < ports.length; i++) {
                String t = values.get(i).text().trim();
                if (t.isEmpty() || t.length() > 5 || !t.chars().allMatch(Character::isDigit) || Long.parseLong(t) > 65535) {
                    problem(FilterProblem.Code.BAD_VALUE, "'" + values.get(i).text() + "' is not a valid port number",
                            values.get(i).span());
                    return Filter.ALL;
                }
                ports[i] = Long.parseLong(t);
            }
            return new NetChecks.Port(op, ports, source);
        }
        if (name.equals("fd.ip")) {
            byte[][] addrs = new byte[values.size()][];
            for (int i = 0; i < addrs.length; i++) {
                addrs[i] = IpAddresses.address(values.get(i).text());
                if (addrs[i] == null) {
                    problem(FilterProblem.Code.BAD_VALUE, "unrecognized IP address " + values.get(i).text(),
                            values.get(i).span());
                    return Filter.ALL;
                }
            }
            return new NetChecks.Ip(op, addrs, source);
        }
        IpAddresses.Net[] nets = new IpAddresses.Net[values.size()];
        for (int i = 0; i < nets.length; i++) {
            nets[i] = IpAddresses.network(values.get(i).text());
            if (nets[i] == null) {
                problem(FilterProblem.Code.BAD_VALUE, "unrecognized IP network " + values.get(i).text(),
                        values.get(i).span());
                return Filter.ALL;
            }
        }
        if (name.equals("fd.net")) {
            return new NetChecks.Net(op, nets.length == 0 ? null : nets[0], source);
        }
        return new NetChecks.EndNet(new BoundField(registry.get(name), null, name), op, nets, source);
    }

    private Field anyAncestorField(Operand left) {
        if (left instanceof Operand.Field f && f.arg() == null && ANCESTOR_FIELDS.contains(f.name())) {
            return registry.get(f.name());
        }
        return null;
    }

    private static boolean operatorFits(Operator op, FieldType type) {
        return switch (type) {
            case NUMBER, TIME -> switch (op) {
                case EQ, EQEQ, NE, LT, LE, GT, GE, IN, INTERSECTS, EXISTS -> true;
                default -> false;
            };
            case BOOL -> switch (op) {
                case EQ, EQEQ, NE, IN, INTERSECTS, EXISTS -> true;
                default -> false;
            };
            case STRING -> op != Operator.BCONTAINS && op != Operator.BSTARTSWITH;
            // libsinsp flt_is_comparable_buffer
            case BYTES -> switch (op) {
                case EQ, EQEQ, NE, CONTAINS, IN, EXISTS, STARTSWITH, ENDSWITH, INTERSECTS, BCONTAINS, BSTARTSWITH -> true;
                default -> false;
            };
        };
    }

    private static String typeName(FieldType type) {
        return switch (type) {
            case NUMBER, TIME -> "numeric";
            case BOOL -> "boolean";
            case STRING -> "string";
            case BYTES -> "buffer";
        };
    }

    private ValueSource source(Operand o) {
        if (o instanceof Operand.Field f) {
            BoundField b = bind(f);
            return b == null ? null : new ValueSource.FieldValue(b);
        } else if (o instanceof Operand.Value v) {
            return new ValueSource.Literal(v.text());
        } else if (o instanceof Operand.Transform t) {
            return transform(t);
        }
        problem(FilterProblem.Code.TRANSFORMER, "a list is only an argument of join()", o.span());
        return null;
    }

    private ValueSource transform(Operand.Transform t) {
        if (t.arg() != null) {
            problem(FilterProblem.Code.TRANSFORMER, "an index after a transformer is not supported", t.span());
            return null;
        }
        List<Operand> args = t.args();
        if (t.kind() == Operand.Transformer.JOIN && args.size() == 2 && args.get(1) instanceof Operand.TransformList l) {
            List<Operand> all = new ArrayList<>();
            all.add(args.get(0));
            all.addAll(l.items());
            args = all;
        }
        List<ValueSource> inputs = new ArrayList<>();
        for (Operand a : args) {
            ValueSource s = source(a);
            if (s == null) {
                return null;
            }
            inputs.add(s);
        }
        switch (t.kind()) {
            case VAL:
                return inputs.get(0);
            case GETOPT:
                problem(FilterProblem.Code.TRANSFORMER, "the 'getopt' transformer is not supported", t.span());
                return null;
            case CONCAT:
                if (inputs.size() < 2) {
                    problem(FilterProblem.Code.TRANSFORMER, "'concat' needs at least two arguments", t.span());
                    return null;
                }
                return new ValueSource.Transformed(t.kind(), inputs);
            case JOIN:
                if (args == t.args()) {
                    problem(FilterProblem.Code.TRANSFORMER, "'join' takes a separator and a list: join(sep, (a, b))", t.span());
                    return null;
                }
                return new ValueSource.Transformed(t.kind(), inputs);
            default:
                if (inputs.size() != 1) {
                    problem(FilterProblem.Code.TRANSFORMER, "'" + t.kind().text() + "' takes one argument", t.span());
                    return null;
                }
                if (inputs.get(0).type() != FieldType.STRING) {
                    problem(FilterProblem.Code.TRANSFORMER, "'" + t.kind().text() + "' transformer is not supported "
                            + "on " + typeName(inputs.get(0).type()) + " values", t.span());
                    return null;
                }
                return new ValueSource.Transformed(t.kind(), inputs);
        }
    }

    private BoundField bind(Operand.Field f) {
        Field field = registry.get(f.name());
        if (field == null) {
            problem(FilterProblem.Code.UNKNOWN_FIELD, "filter_check called with nonexistent field " + f.name(), f.span());
            return null;
        }
        if (f.arg() != null && field.argument() == Field.Argument.NONE) {
            problem(FilterProblem.Code.FIELD_ARGUMENT, "field '" + f.name() + "' does not take an argument", f.span());
            return null;
        }
        if (f.arg() == null && field.argument() == Field.Argument.REQUIRED) {
            problem(FilterProblem.Code.FIELD_ARGUMENT, "field '" + f.name() + "' requires an argument", f.span());
            return null;
        }
        return new BoundField(field, f.arg(), f.text());
    }

    /** The right-hand side read as the left side's type. */
    private ValueTest test(Expr.Check c, FieldType type) {
        if (c.op() == Operator.EXISTS) {
            return ValueTest.PRESENT;
        }
        List<Operand.Value> values = values(c);
        if (c.modifier() != Operator.Modifier.NONE) {
            ValueTest[] items = new ValueTest[values.size()];
            for (int i = 0; i < items.length; i++) {
                items[i] = single(c.op(), type, List.of(values.get(i)));
                if (items[i] == null) {
                    return null;
                }
            }
            return new ValueTest.Modified(c.modifier(), items);
        }
        if (!c.op().takesList() && values.size() != 1) {
            problem(FilterProblem.Code.BAD_VALUE, "'" + c.op().text() + "' takes one value, not a list", c.right().span());
            return null;
        }
        return single(c.op(), type, values);
    }

    private ValueTest single(Operator op, FieldType type, List<Operand.Value> values) {
        switch (type) {
            case NUMBER, TIME -> {
                long[] numbers = new long[values.size()];
                for (int i = 0; i < numbers.length; i++) {
                    Long n = number(values.get(i));
                    if (n == null) {
                        return null;
                    }
                    numbers[i] = n;
                }
                return new ValueTest.Number(op, numbers);
            }
            case BOOL -> {
                boolean[] bools = new boolean[values.size()];
                for (int i = 0; i < bools.length; i++) {
                    String t = values.get(i).text();
                    if (!t.equals("true") && !t.equals("false")) {
                        problem(FilterProblem.Code.BAD_VALUE, "unrecognized boolean value " + t, values.get(i).span());
                        return null;
                    }
                    bools[i] = t.equals("true");
                }
                return new ValueTest.Bool(op, bools);
            }
            case BYTES -> {
                byte[][] operands = new byte[values.size()][];
                for (int i = 0; i < operands.length; i++) {
                    operands[i] = bytes(op, values.get(i));
                    if (operands[i] == null) {
                        return null;
                    }
                }
                return new ValueTest.Bytes(op, operands);
            }
            default -> {
                List<String> texts = values.stream().map(Operand.Value::text).toList();
                return switch (op) {
                    case IN, INTERSECTS -> new ValueTest.StringSet(texts);
                    case PMATCH -> new ValueTest.PathPrefix(new PathPrefixes(texts));
                    case REGEX -> regex(values.get(0));
                    default -> new ValueTest.StringOne(op, texts.get(0));
                };
            }
        }
    }

    /** A buffer operand: hex digits for bcontains/bstartswith (libsinsp unhex), the text's bytes otherwise. */
    private byte[] bytes(Operator op, Operand.Value v) {
        String t = v.text();
        if (op != Operator.BCONTAINS && op != Operator.BSTARTSWITH) {
            return t.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        }
        if (t.length() % 2 != 0 || !t.chars().allMatch(ch -> Character.digit(ch, 16) >= 0)) {
            problem(FilterProblem.Code.BAD_VALUE, "bcontains and bstartswith operator support hex strings only",
                    v.span());
            return null;
        }
        byte[] b = new byte[t.length() / 2];
        for (int i = 0; i < b.length; i++) {
            b[i] = (byte) Integer.parseInt(t.substring(2 * i, 2 * i + 2), 16);
        }
        return b;
    }

    private ValueTest regex(Operand.Value v) {
        try {
            return new ValueTest.Regex(Pattern.compile(v.text()));
        } catch (PatternSyntaxException e) {
            problem(FilterProblem.Code.BAD_VALUE, "invalid regular expression: " + e.getDescription(), v.span());
            return null;
        }
    }

    private Long number(Operand.Value v) {
        String t = v.text().trim();
        try {
            if (t.startsWith("0x") || t.startsWith("0X")) {
                return Long.parseUnsignedLong(t.substring(2), 16);
            }
            return Long.parseLong(t.startsWith("+") ? t.substring(1) : t);
        } catch (NumberFormatException e) {
            problem(FilterProblem.Code.BAD_VALUE, "'" + v.text() + "' is not a valid number", v.span());
            return null;
        }
    }

    private void problem(FilterProblem.Code code, String message, Span span) {
        problems.add(new FilterProblem(code, message, span));
    }
}
