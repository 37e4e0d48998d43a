package dev.saker.index;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Marks and comments on events of one capture, by event number (evt.num, stable across re-indexing),
 * kept in a small text sidecar file next to the capture: a header line, then one mark a line as
 * {@code NUMBER<TAB>COMMENT} with backslash, newline and tab escaped. Not thread-safe: the UI thread owns it.
 */
public final class EventMarks {
    static final String HEADER = "# saker marks v1";

    /** One marked event and its comment ("" when none). */
    public record Mark(long number, String comment) {
    }

    private final TreeMap<Long, String> marks = new TreeMap<>();

    /** The sidecar file of {@code capture}: the same name with ".saker-marks" appended. */
    public static Path sidecarOf(Path capture) {
        return capture.resolveSibling(capture.getFileName() + ".saker-marks");
    }

    public boolean isMarked(long number) {
        return marks.containsKey(number);
    }

    /** Marks the event (keeping its comment if it had one). */
    public void mark(long number) {
        marks.putIfAbsent(number, "");
    }

    public void unmark(long number) {
        marks.remove(number);
    }

    /** Marks an unmarked event, unmarks a marked one; returns whether it is marked now. */
    public boolean toggle(long number) {
        if (marks.remove(number) != null) {
            return false;
        }
        marks.put(number, "");
        return true;
    }

    /** Sets the comment of an event, marking it if it was not. */
    public void comment(long number, String comment) {
        marks.put(number, comment == null ? "" : comment.strip());
    }

    /** The comment of a marked event ("" without one), or null when it is not marked. */
    public String comment(long number) {
        return marks.get(number);
    }

    /** Every mark in event order. */
    public List<Mark> all() {
        List<Mark> out = new ArrayList<>(marks.size());
        marks.forEach((n, c) -> out.add(new Mark(n, c)));
        return out;
    }

    public int size() {
        return marks.size();
    }

    /** The first marked event after {@code number}, wrapping to the first; -1 without marks. */
    public long next(long number) {
        Long n = marks.higherKey(number);
        return n != null ? n : marks.isEmpty() ? -1 : marks.firstKey();
    }

    /** The last marked event before {@code number}, wrapping to the last; -1 without marks. */
    public long previous(long number) {
        Long n = marks.lowerKey(number);
        return n != null ? n : marks.isEmpty() ? -1 : marks.lastKey();
    }

    /** Writes the marks to {@code file} (replacing it whole, so a crash never leaves half a file); no marks deletes it. */
    public void save(Path file) throws IOException {
        if (marks.isEmpty()) {
            Files.deleteIfExists(file);
            return;
        }
        StringBuilder b = new StringBuilder(HEADER).append('\n');
        for (Map.Entry<Long, String> m : marks.entrySet()) {
            b.append(m.getKey()).append('\t').append(escape(m.getValue())).append('\n');
        }
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.writeString(tmp, b, StandardCharsets.UTF_8);
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
    }

    /** Reads a sidecar file; a missing file is no marks. Damage is an IOException naming the file and line. */
    public static EventMarks load(Path file) throws IOException {
        EventMarks out = new EventMarks();
        if (!Files.exists(file)) {
            return out;
        }
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        if (lines.isEmpty() || !lines.get(0).equals(HEADER)) {
            throw new IOException(file + ": line 1: not a saker marks file (expected \"" + HEADER + "\")");
        }
        for (int i = 1; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isEmpty()) {
                continue;
            }
            int tab = line.indexOf('\t');
            try {
                long num = Long.parseLong(tab < 0 ? line : line.substring(0, tab));
                out.marks.put(num, tab < 0 ? "" : unescape(line.substring(tab + 1)));
            } catch (NumberFormatException e) {
                throw new IOException(file + ": line " + (i + 1) + ": expected an event number, a tab and a comment, got \""
                        + line + "\"");
            }
        }
        return out;
    }

    static String escape(String s) {
        return s.replace("\\", "\\\\").replace("\n", "\\n").replace("\t", "\\t");
    }

    static String unescape(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\' && i + 1 < s.length()) {
                char d = s.charAt(++i);
                b.append(d == 'n' ? '\n' : d == 't' ? '\t' : d);
            } else {
                b.append(c);
            }
        }
        return b.toString();
    }
}
