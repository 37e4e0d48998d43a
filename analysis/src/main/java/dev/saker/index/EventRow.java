package dev.saker.index;

/**
 * One event as the table shows it, with sysdig's default columns
 * ({@code *%evt.num %evt.outputtime %evt.cpu %proc.name (%thread.tid) %evt.dir %evt.type %evt.info}).
 */
public record EventRow(int row, long number, long ts, String time, int cpu, String process, String tid,
        String direction, String type, String info) {

    /** The row as one JSON object with sysdig's field names (as `sysdig -j` names the default fields). */
    public String json() {
        return "{\"evt.num\":" + number + ",\"evt.outputtime\":" + ts + ",\"evt.cpu\":" + cpu
                + ",\"proc.name\":" + quote(process) + ",\"thread.tid\":" + quote(tid) + ",\"evt.dir\":" + quote(direction)
                + ",\"evt.type\":" + quote(type) + ",\"evt.info\":" + quote(info) + "}";
    }

    static String quote(String s) {
        StringBuilder b = new StringBuilder(s.length() + 2).append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                default -> {
                    if (c < 0x20) {
                        b.append(String.format("\\u%04x", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        return b.append('"').toString();
    }

    /** The row as sysdig's default line prints it. */
    public String line() {
        return number + " " + time + " " + cpu + " " + process + " (" + tid + ") " + direction + " " + type + " " + info;
    }
}
