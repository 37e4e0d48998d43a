package dev.saker.fields;

import java.util.Collection;
import java.util.Collections;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Every field Saker knows, by name. Resolution follows libsinsp's format parser: the longest field
 * name that is a prefix of the text wins (so {@code %proc.names} is {@code proc.name} followed by
 * "s"), then an argument in brackets when the field takes one.
 */
public final class FieldRegistry {
    private static final FieldRegistry STANDARD = build();

    /**
     * Fields that also take their argument after a dot, as libsinsp's {@code evt.arg.flags} and
     * {@code evt.rawarg.res}: the whole dotted name is a field of its own for the filter language.
     */
    private static final Set<String> DOTTED = Set.of("evt.arg", "evt.rawarg", "container.label");

    private final TreeMap<String, Field> fields = new TreeMap<>();
    private final Map<String, Field> dotted = new ConcurrentHashMap<>();

    /** The registry with every field family. */
    public static FieldRegistry standard() {
        return STANDARD;
    }

    private static FieldRegistry build() {
        FieldRegistry r = new FieldRegistry();
        EvtFields.register(r);
        ProcFields.register(r);
        FdFields.register(r);
        UserFields.register(r);
        ContainerFields.register(r);
        EvtArgFields.register(r);
        return r;
    }

    void add(Field f) {
        if (fields.putIfAbsent(f.name(), f) != null) {
            throw new IllegalStateException("field registered twice: " + f.name());
        }
    }

    void add(String name, FieldType type, String description, Extractor e) {
        add(new Field(name, type, Field.Argument.NONE, description, e));
    }

    /** A number field with a primitive extractor (see {@link LongExtractor}). */
    void addLong(String name, String description, LongExtractor e) {
        add(new Field(name, FieldType.NUMBER, Field.Argument.NONE, description, e));
    }

    /**
     * This registry plus more fields, e.g. those computed by layers above this one (evt.args and
     * evt.info are rendered in dev.saker.format). A name already present is an error.
     */
    public FieldRegistry with(Field... extra) {
        FieldRegistry r = new FieldRegistry();
        r.fields.putAll(fields);
        for (Field f : extra) {
            r.add(f);
        }
        return r;
    }

    /** The field by name; a dotted form such as {@code evt.arg.flags} is the base field bound to its suffix. */
    public Field get(String name) {
        Field f = fields.get(name);
        if (f != null || name == null) {
            return f;
        }
        return dottedField(name);
    }

    private Field dottedField(String name) {
        for (String base : DOTTED) {
            if (name.length() > base.length() + 1 && name.startsWith(base) && name.charAt(base.length()) == '.') {
                Field b = fields.get(base);
                if (b == null) {
                    return null;
                }
                String arg = name.substring(base.length() + 1);
                return dotted.computeIfAbsent(name, n -> bindDotted(b, n, arg));
            }
        }
        return null;
    }

    private static Field bindDotted(Field base, String name, String arg) {
        FieldType type = base.extractor() instanceof TypedByArgument t ? t.typeFor(arg) : base.type();
        Field.TextAppender appender = base.appender() == null ? null : (c, a, out) -> base.appender().append(c, arg, out);
        return new Field(name, type, Field.Argument.NONE, base.description(),
                (c, a) -> base.extractor().extract(c, arg), appender);
    }

    /** An extractor whose value type depends on its argument (evt.rawarg.res is a number, .name a string). */
    interface TypedByArgument extends Extractor {
        FieldType typeFor(String arg);
    }

    public Collection<Field> all() {
        return Collections.unmodifiableCollection(fields.values());
    }

    /** A whole field reference such as {@code proc.aname[2]}, or null when it names no field. */
    public BoundField resolve(String text) {
        BoundField b = resolvePrefix(text, 0);
        return b != null && b.text().length() == text.length() ? b : null;
    }

    /**
     * The field reference that starts at {@code from} in {@code text}: the longest field name there,
     * plus {@code [arg]} when the field accepts one. Null when no field name starts there.
     */
    public BoundField resolvePrefix(String text, int from) {
        if (from >= text.length() || text.charAt(from) == Character.MAX_VALUE) {
            return null;
        }
        Field best = null;
        // Only names starting with the same character can be a prefix (the map is sorted by name):
        // rule loading asks this for every constant of every condition, and a scan of every field
        // for each was a visible part of `saker scan`'s start-up.
        char first = text.charAt(from);
        for (Field f : fields.subMap(String.valueOf(first), true, String.valueOf((char) (first + 1)), false).values()) {
            if (text.startsWith(f.name(), from) && (best == null || f.name().length() > best.name().length())) {
                best = f;
            }
        }
        if (best == null) {
            return null;
        }
        int end = from + best.name().length();
        String arg = null;
        if (DOTTED.contains(best.name()) && end < text.length() && text.charAt(end) == '.') {
            int stop = end + 1;
            while (stop < text.length() && (Character.isLetterOrDigit(text.charAt(stop)) || text.charAt(stop) == '_'
                    || text.charAt(stop) == '.')) {
                stop++;
            }
            if (stop > end + 1) {
                Field d = get(text.substring(from, stop));
                return d == null ? null : new BoundField(d, null, text.substring(from, stop));
            }
        }
        if (best.argument() != Field.Argument.NONE && end < text.length() && text.charAt(end) == '[') {
            int close = text.indexOf(']', end);
            if (close > end) {
                arg = text.substring(end + 1, close);
                end = close + 1;
            }
        }
        if (arg == null && best.argument() == Field.Argument.REQUIRED) {
            return null;
        }
        return new BoundField(best, arg, text.substring(from, end));
    }
}
