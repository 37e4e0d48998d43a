package dev.saker.app;

import dev.saker.format.StateArgContext;
import dev.saker.format.SysdigLine;
import dev.saker.scap.RawEvent;
import dev.saker.state.CaptureInspector;
import dev.saker.state.ThreadInfo;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** `saker read`: prints a capture's events as `sysdig -r` does. */
@Command(name = "read", description = "Print the events of a capture, as sysdig -r prints them.")
final class ReadCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "CAPTURE", description = "a .scap file (plain or gzip)")
    Path capture;

    @Option(names = "-n", paramLabel = "N", description = "stop after reading N events")
    long limit = -1;

    @Override
    public Integer call() throws IOException {
        Writer out = new BufferedWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), 1 << 16);
        try (CaptureInspector inspector = CaptureInspector.open(capture)) {
            print(inspector, out);
        } finally {
            out.flush();
        }
        return 0;
    }

    private void print(CaptureInspector inspector, Writer out) throws IOException {
        StateArgContext ctx = new StateArgContext(inspector.state());
        ZoneId zone = ZoneId.systemDefault();
        StringBuilder line = new StringBuilder(512);
        // Like sysdig, container events before the first other event are read as metadata, not shown.
        boolean leadingMetadata = true;
        while ((limit < 0 || inspector.number() < limit) && inspector.next()) {
            RawEvent e = inspector.raw();
            if (leadingMetadata && SysdigLine.isContainerEvent(e)) {
                continue;
            }
            leadingMetadata = false;
            if (!DisplayedEvents.isShown(e)) {
                continue;
            }
            ThreadInfo t = inspector.state().eventThread(e);
            line.setLength(0);
            SysdigLine.append(line, inspector.number(), e, t == null ? ThreadInfo.NA : t.comm,
                    t == null ? Long.toString(e.tid()) : Long.toString(t.tid), ctx.on(t), zone);
            line.append('\n');
            out.append(line);
        }
    }
}
