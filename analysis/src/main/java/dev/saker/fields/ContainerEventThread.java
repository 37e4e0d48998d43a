package dev.saker.fields;

import dev.saker.scap.RawEvent;
import dev.saker.state.ThreadInfo;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The thread 2022 libsinsp shows for a container metadata event: a stand-in (tid and pid -1, parent 0,
 * root) named "container:ID" that belongs to the container. Current libs give these events no thread.
 */
final class ContainerEventThread {
    private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"([^\"]*)\"");

    private ContainerEventThread() {
    }

    static ThreadInfo of(RawEvent e) {
        String json = e.string(0);
        Matcher m = json == null ? null : ID.matcher(json);
        if (m == null || !m.find()) {
            return null;
        }
        ThreadInfo t = new ThreadInfo();
        t.tid = -1;
        t.pid = -1;
        t.ptid = 0;
        t.comm = "container:" + m.group(1);
        t.exe = "";
        t.uid = 0;
        t.gid = 0;
        t.loginuid = 0;
        // the namespace ids 2022 libsinsp leaves on the stand-in
        t.vtid = -2;
        t.vpid = -2;
        t.containerId = m.group(1);
        return t;
    }
}
