package dev.saker.index;

/**
 * One event as the table shows it, with sysdig's default columns
 * ({@code *%evt.num %evt.outputtime %evt.cpu %proc.name (%thread.tid) %evt.dir %evt.type %evt.info}).
 */
public record EventRow(int row, long number, long ts, String time, int cpu, String process, String tid,
        String direction, String type, String info) {

    /** The row as sysdig's default line prints it. */
    public String line() {
        return number + " " + time + " " + cpu + " " + process + " (" + tid + ") " + direction + " " + type + " " + info;
    }
}
