package dev.saker.format;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * sysdig's default output split into events: evt.num -> (type, args). An argument may contain a
 * newline (container JSON does), so a line that does not start the next event continues the last.
 */
final class SysdigLines {
    record Line(long num, String type, String args, String text) {
    }

    private static final Pattern START =
            Pattern.compile("^(\\d+) \\d\\d:\\d\\d:\\d\\d\\.\\d{9} \\d+ .*? \\(-?\\d+\\) [<>] (\\S+) (.*)$", Pattern.DOTALL);

    private SysdigLines() {
    }

    static Map<Long, Line> parse(String output) {
        Map<Long, Line> lines = new LinkedHashMap<>();
        long last = -1;
        StringBuilder pendingArgs = null;
        StringBuilder pendingText = null;
        String pendingType = null;
        for (String text : output.split("\n", -1)) {
            Matcher m = START.matcher(text);
            if (m.matches() && Long.parseLong(m.group(1)) > last) {
                if (pendingArgs != null) {
                    lines.put(last, new Line(last, pendingType, pendingArgs.toString(), pendingText.toString()));
                }
                last = Long.parseLong(m.group(1));
                pendingType = m.group(2);
                pendingArgs = new StringBuilder(m.group(3));
                pendingText = new StringBuilder(text);
            } else if (pendingArgs != null) {
                pendingArgs.append('\n').append(text);
                pendingText.append('\n').append(text);
            }
        }
        if (pendingArgs != null) {
            // The output ends with a newline, which the split turned into a final empty continuation.
            lines.put(last, new Line(last, pendingType, dropFinalNewline(pendingArgs), dropFinalNewline(pendingText)));
        }
        return lines;
    }

    private static String dropFinalNewline(StringBuilder b) {
        String s = b.toString();
        return s.endsWith("\n") ? s.substring(0, s.length() - 1) : s;
    }
}
