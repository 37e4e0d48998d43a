package dev.saker.scap;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * libscap's scap-converter table as data: for an event type and a parameter count, what the
 * converter does with an event recorded by an older driver. Loaded from {@code conversion-table.txt},
 * whose header explains the notation; every entry of libscap's {@code table.cpp} has one line there.
 */
public final class ConversionTable {
    // Callbacks first: loading the table resolves their names.
    private static final Map<String, ParamCallback> CALLBACKS = Map.of("containerJson", ConversionTable::containerJson);
    private static final ConversionTable LIBSCAP = load("conversion-table.txt");

    /** What happens to a matching event. */
    public enum Action { STORE, STORE_AND_PASS, PASS, ADD_PARAMS, CHANGE_TYPE }

    /** Where one parameter of the converted event comes from. */
    public enum Source { OLD, ENTER, EMPTY, DEFAULT, CALLBACK }

    /** Computes a parameter from the event being converted; any exception means "not available". */
    @FunctionalInterface
    public interface ParamCallback {
        byte[] compute(RawEvent old) throws Exception;
    }

    /** One parameter of the result: its source, the source parameter, and the fallback when missing. */
    public record Instruction(Source source, int param, boolean fallbackToEmpty, ParamCallback callback) {
    }

    /** One table entry. {@code targetType} is the event's own type unless the action is CHANGE_TYPE. */
    public record Conversion(int type, int nparams, Action action, int targetType, List<Instruction> instructions) {
    }

    private final List<Conversion> entries;
    // Indexed [type][nparams] so the per-event lookup is two array reads.
    private final Conversion[][] byType;

    private ConversionTable(List<Conversion> entries) {
        this.entries = List.copyOf(entries);
        int maxType = -1;
        for (Conversion c : entries) {
            maxType = Math.max(maxType, c.type());
        }
        this.byType = new Conversion[maxType + 1][];
        for (Conversion c : entries) {
            Conversion[] row = byType[c.type()];
            if (row == null || row.length <= c.nparams()) {
                Conversion[] grown = new Conversion[c.nparams() + 1];
                if (row != null) {
                    System.arraycopy(row, 0, grown, 0, row.length);
                }
                byType[c.type()] = row = grown;
            }
            if (row[c.nparams()] != null) {
                throw new IllegalStateException("duplicate conversion for type " + c.type() + " with " + c.nparams() + " params");
            }
            row[c.nparams()] = c;
        }
    }

    /** The table of current falcosecurity/libs. */
    public static ConversionTable libscap() {
        return LIBSCAP;
    }

    /** The entry for this type and parameter count, or null when the table has none. */
    public Conversion find(int type, long nparams) {
        if (type < 0 || type >= byType.length || byType[type] == null || nparams < 0 || nparams >= byType[type].length) {
            return null;
        }
        return byType[type][(int) nparams];
    }

    public List<Conversion> entries() {
        return entries;
    }

    /**
     * libscap's CONTAINER_E to CONTAINER_JSON_E callback: the four old fields as a flat JSON object.
     * Like libscap it neither escapes the strings nor reads them past the terminating byte.
     */
    static byte[] containerJson(RawEvent old) {
        if (old.nparams() < 4 || old.paramLength(1) > 4) {
            throw new IllegalArgumentException("CONTAINER_E without its four parameters");
        }
        long containerType = 0;
        for (int i = 0; i < old.paramLength(1); i++) {
            containerType |= (long) old.u8(1, i) << (8 * i);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes("{\"id\":\"".getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(withoutTerminator(old, 0));
        out.writeBytes(("\",\"type\":" + containerType + ",\"name\":\"").getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(withoutTerminator(old, 2));
        out.writeBytes("\",\"image\":\"".getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(withoutTerminator(old, 3));
        out.writeBytes("\"}\0".getBytes(StandardCharsets.US_ASCII));
        return out.toByteArray();
    }

    private static byte[] withoutTerminator(RawEvent e, int i) {
        byte[] b = e.bytes(i);
        if (b.length == 0) {
            throw new IllegalArgumentException("empty string parameter " + i);
        }
        byte[] r = new byte[b.length - 1];
        System.arraycopy(b, 0, r, 0, r.length);
        return r;
    }

    static ConversionTable load(String resource) {
        try (InputStream in = ConversionTable.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing conversion table resource " + resource);
            }
            List<Conversion> entries = new ArrayList<>();
            TypeNumbers typeNumbers = new TypeNumbers();
            int lineNo = 0;
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                lineNo++;
                if (!line.isBlank() && !line.startsWith("#")) {
                    try {
                        entries.add(parse(words(line.trim()), typeNumbers));
                    } catch (RuntimeException e) {
                        throw new IllegalStateException(resource + ":" + lineNo + ": " + e.getMessage(), e);
                    }
                }
            }
            return new ConversionTable(entries);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The words of a trimmed line, as {@code split(" +")} would give them; by hand because the regular
     * expression, compiled and run in the interpreter at every start, cost a few milliseconds.
     */
    static String[] words(String line) {
        if (line.isEmpty()) {
            return new String[] {line};
        }
        List<String> words = new ArrayList<>();
        int start = 0;
        while (start < line.length()) {
            int end = line.indexOf(' ', start);
            if (end < 0) {
                end = line.length();
            }
            if (end > start || start == 0) {
                words.add(line.substring(start, end));
            }
            start = end + 1;
        }
        if (words.size() == 1 && words.get(0).isEmpty() && !line.isEmpty()) {
            return new String[0];   // split drops trailing empty words: a line of spaces has none
        }
        return words.toArray(new String[0]);
    }

    private static Conversion parse(String[] f, TypeNumbers typeNumbers) {
        int type = typeNumbers.of(f[0]);
        int nparams = Integer.parseInt(f[1]);
        int next = 3;
        int target = type;
        Action action = switch (f[2]) {
            case "store" -> Action.STORE;
            case "store+pass" -> Action.STORE_AND_PASS;
            case "pass" -> Action.PASS;
            case "add" -> Action.ADD_PARAMS;
            case "to" -> {
                target = typeNumbers.of(f[3]);
                next = 4;
                yield Action.CHANGE_TYPE;
            }
            default -> throw new IllegalArgumentException("unknown action " + f[2]);
        };
        List<Instruction> instrs = new ArrayList<>();
        for (int i = next; i < f.length; i++) {
            parseInstruction(f[i], instrs);
        }
        return new Conversion(type, nparams, action, target, List.copyOf(instrs));
    }

    private static void parseInstruction(String tok, List<Instruction> out) {
        if (tok.equals("-")) {
            out.add(new Instruction(Source.EMPTY, 0, false, null));
        } else if (tok.equals("d")) {
            out.add(new Instruction(Source.DEFAULT, 0, false, null));
        } else if (tok.startsWith("cb")) {
            boolean fallback = tok.startsWith("cb?");
            String name = tok.substring(tok.indexOf(':') + 1);
            ParamCallback cb = CALLBACKS.get(name);
            if (cb == null) {
                throw new IllegalArgumentException("unknown callback " + name);
            }
            out.add(new Instruction(Source.CALLBACK, 0, fallback, cb));
        } else if (tok.startsWith("e")) {
            boolean fallback = tok.endsWith("?");
            out.add(new Instruction(Source.ENTER, Integer.parseInt(tok.substring(1, tok.length() - (fallback ? 1 : 0))), fallback, null));
        } else if (tok.startsWith("o")) {
            int range = tok.indexOf("..");
            int from = Integer.parseInt(tok.substring(1, range < 0 ? tok.length() : range));
            int to = range < 0 ? from : Integer.parseInt(tok.substring(range + 2));
            for (int p = from; p <= to; p++) {
                out.add(new Instruction(Source.OLD, p, false, null));
            }
        } else {
            throw new IllegalArgumentException("unknown instruction " + tok);
        }
    }

    /**
     * The EventTypes constants by name. The fields are listed with one reflective call and read only
     * for the names the table uses: Class.getField for every name searched and copied the class's 450
     * fields each time, and reading every field made an accessor for each.
     */
    static final class TypeNumbers {
        private final Map<String, Field> fields = new HashMap<>();
        private final Map<String, Integer> numbers = new HashMap<>();

        TypeNumbers() {
            for (Field f : EventTypes.class.getFields()) {
                if (Modifier.isStatic(f.getModifiers()) && f.getType() == int.class) {
                    fields.put(f.getName(), f);
                }
            }
        }

        int of(String name) {
            Integer number = numbers.get(name);
            if (number == null) {
                Field f = fields.get(name);
                if (f == null) {
                    throw new IllegalArgumentException("unknown event type " + name);
                }
                try {
                    number = f.getInt(null);
                } catch (IllegalAccessException e) {
                    throw new IllegalStateException("EventTypes." + name + " is not readable", e);
                }
                numbers.put(name, number);
            }
            return number;
        }
    }
}
