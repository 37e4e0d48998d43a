package dev.saker.rules;

import java.util.Map;

/**
 * The line around a problem's spot with a caret under it, cut as Falco cuts it: at most 80
 * characters either side of the spot, with "..." where the line was cut.
 */
final class Snippet {
    static final int WIDTH = 160;

    private Snippet() {
    }

    static String of(LoadContext ctx, Map<String, String> contents) {
        Location loc = ctx.innermost();
        String content = ctx.conditionText() != null ? ctx.conditionText() : contents.get(loc.position().name());
        if (content == null) {
            return "<No context for file + " + loc.position().name() + ">\n";
        }
        if (content.isEmpty()) {
            return "<No context available>\n";
        }
        int half = WIDTH / 2;
        int pos = loc.position().offset();
        // A mark can sit past the end of the content (a dangling "tags:" at the end of a file).
        while (pos > 0 && (pos >= content.length() || content.charAt(pos) == '\n')) {
            pos--;
        }
        int from = pos;
        while (from > 0 && content.charAt(from) != '\n' && pos - from < half) {
            from--;
        }
        int to = pos;
        while (to < content.length() - 1 && content.charAt(to) != '\n' && to - pos < half) {
            to++;
        }
        if (from < content.length() && content.charAt(from) == '\n') {
            from++;
        }
        if (to < content.length() && content.charAt(to) == '\n') {
            to--;
        }
        if (to < from) {
            return "<No context available>\n";
        }
        StringBuilder line = new StringBuilder(content.substring(from, to + 1));
        if (pos - from >= half) {
            line.replace(0, 3, "...");
        }
        if (to - pos >= half) {
            line.replace(line.length() - 3, line.length(), "...");
        }
        line.append('\n');
        if (pos - from <= line.length() - 1) {
            line.append(" ".repeat(pos - from)).append("^\n");
        }
        return line.toString();
    }
}
