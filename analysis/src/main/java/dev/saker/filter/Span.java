package dev.saker.filter;

/**
 * Where a piece of syntax came from: character offsets {@code [start, end)} into the text named
 * {@code source} (a rules file's condition of rule X, a macro body, a list definition, the command
 * line). Nodes substituted from a macro or list keep the spans of the text they were written in.
 */
public record Span(String source, int start, int end) {
    public Span {
        if (start < 0 || end < start) {
            throw new IllegalArgumentException("bad span " + start + ".." + end);
        }
    }

    /** The smallest span covering both (same source assumed: the first one's name is kept). */
    public Span to(Span other) {
        return new Span(source, Math.min(start, other.start), Math.max(end, other.end));
    }

    public int length() {
        return end - start;
    }

    @Override
    public String toString() {
        return source + "@" + start + ".." + end;
    }
}
