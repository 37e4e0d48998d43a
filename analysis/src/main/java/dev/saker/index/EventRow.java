package dev.saker.index;

import dev.saker.rules.JsonText;

/**
 * One event as the table shows it, with sysdig's default columns
 * ({@code *%evt.num %evt.outputtime %evt.cpu %proc.name (%thread.tid) %evt.dir %evt.type %evt.info}).
 */
public record EventRow(int row, long number, long ts, String time, int cpu, String process, String tid,
        String direction, String type, String info) {

    /** The row as one JSON object with sysdig's field names (as `sysdig -j` names the default fields). */
    public String json() {
        return "{\"evt.num\":" + number + ",\"evt.outputtime\":" + ts + ",\"evt.cpu\":" + cpu
                + ",\"proc.name\":" + JsonText.quoted(process) + ",\"thread.tid\":" + JsonText.quoted(tid)
                + ",\"evt.dir\":" + JsonText.quoted(direction) + ",\"evt.type\":" + JsonText.quoted(type)
                + ",\"evt.info\":" + JsonText.quoted(info) + "}";
    }

    /** The row as sysdig's default line prints it. */
    public String line() {
        return number + " " + time + " " + cpu + " " + process + " (" + tid + ") " + direction + " " + type + " " + info;
    }
}
