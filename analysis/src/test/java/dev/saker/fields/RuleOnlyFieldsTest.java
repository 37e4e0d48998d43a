package dev.saker.fields;

import static org.assertj.core.api.Assertions.assertThat;

import dev.saker.filter.CompileResult;
import dev.saker.filter.FilterCompiler;
import dev.saker.format.RenderedFields;
import dev.saker.scap.EventTypes;
import dev.saker.scap.RawEvent;
import dev.saker.scap.SyntheticEvent;
import dev.saker.state.FdInfo;
import dev.saker.state.SystemState;
import dev.saker.state.ThreadInfo;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * The fields official rules use that sysdig 0.29.3 does not have, so that no capture comparison
 * covers them (those it has, evt.buffer, fd.name_changed and container.mounts/mount.*, are compared
 * with sysdig in RuleFieldsConformanceTest): each read from state set up by hand, with libsinsp's
 * rules for missing values.
 */
class RuleOnlyFieldsTest {
    private final SystemState state = new SystemState();
    private final ThreadInfo thread = new ThreadInfo();
    private final EventContext ctx = new EventContext();

    RuleOnlyFieldsTest() {
        thread.tid = 1000;
        thread.pid = 1000;
        thread.comm = "bash";
        thread.uid = 0;
        state.threads().add(thread);
    }

    private Object value(String field, RawEvent e, FdInfo fd) {
        ctx.set(1, e, e, state, thread, fd != null, fd == null ? -1 : 3, fd);
        return RenderedFields.registry().resolve(field).extract(ctx);
    }

    private Object value(String field) {
        return value(field, SyntheticEvent.of(EventTypes.SYSCALL_OPEN_X).build(), null);
    }

    @Test
    void exeFlagsAndInodeTimesComeFromTheThreadAndZeroIsMissing() {
        assertThat(value("proc.is_exe_upper_layer")).isEqualTo(false);
        assertThat(value("proc.exe_ino")).isNull();
        assertThat(value("proc.exe_ino.ctime")).isNull();
        thread.exeUpperLayer = true;
        thread.exeFromMemfd = true;
        thread.exeIno = 1234;
        thread.exeInoCtime = 1_700_000_000_000_000_000L;
        thread.exeInoMtime = 1_600_000_000_000_000_000L;
        thread.exeInoCtimeDurationCloneTs = 5;
        assertThat(value("proc.is_exe_upper_layer")).isEqualTo(true);
        assertThat(value("proc.is_exe_from_memfd")).isEqualTo(true);
        assertThat(value("proc.exe_ino")).isEqualTo(1234L);
        assertThat(value("proc.exe_ino.ctime")).isEqualTo(1_700_000_000_000_000_000L);
        assertThat(value("proc.exe_ino.mtime")).isEqualTo(1_600_000_000_000_000_000L);
        assertThat(value("proc.exe_ino.ctime_duration_proc_start")).isEqualTo(5L);
    }

    @Test
    void containerMountsListEveryMountAndMountDestFindsOneBySourceGlobOrIndex() {
        state.containers().addFromJson("{\"container\":{\"id\":\"9dbcbd0c435f\",\"name\":\"c\",\"Mounts\":["
                + "{\"Source\":\"/var/run/docker.sock\",\"Destination\":\"/host/docker.sock\",\"Mode\":\"\",\"RW\":true,"
                + "\"Propagation\":\"rprivate\"},"
                + "{\"Source\":\"/etc\",\"Destination\":\"/host/etc\",\"Mode\":\"ro\",\"RW\":false,\"Propagation\":\"\"}]}}");
        assertThat(value("container.mounts")).as("host thread").isNull();
        thread.containerId = "9dbcbd0c435f";
        assertThat(value("container.mounts"))
                .isEqualTo("/var/run/docker.sock:/host/docker.sock::true:rprivate,/etc:/host/etc:ro:false:");
        assertThat(value("container.mount.dest[/var/run/docker.sock]")).isEqualTo("/host/docker.sock");
        assertThat(value("container.mount.dest[/et*]")).isEqualTo("/host/etc");
        assertThat(value("container.mount.dest[1]")).isEqualTo("/host/etc");
        assertThat(value("container.mount.dest[/proc*]")).isNull();
        assertThat(value("container.mount.source[/host/etc]")).isEqualTo("/etc");
        assertThat(value("container.mount.rdwr[0]")).isEqualTo("true");
        assertThat(value("container.start_ts")).as("pid namespace start unknown").isNull();
        thread.pidnsInitStartTs = 42;
        assertThat(value("container.start_ts")).isEqualTo(42L);
    }

    @Test
    void nameRawIsThePathAsOpenedWithRepeatedSlashesSqueezed() {
        FdInfo fd = new FdInfo(8, "/etc/passwd");
        fd.nameRaw = "..//etc///passwd";
        RawEvent open = SyntheticEvent.of(EventTypes.SYSCALL_OPEN_X).build();
        assertThat(value("fd.nameraw", open, fd)).isEqualTo("../etc/passwd");
        assertThat(value("fd.name", open, fd)).isEqualTo("/etc/passwd");
        assertThat(value("fd.nameraw", open, new FdInfo(8, "/tmp/x"))).as("fd not from an open").isEqualTo("");
        assertThat(value("fd.name_changed", open, null)).as("no fd").isNull();
    }

    @Test
    void evtBufferComparesBytesAndBcontainsTakesHex() {
        RawEvent write = SyntheticEvent.of(EventTypes.SYSCALL_WRITE_X).u64(4)
                .raw("GET / HTTP/1.1\r\n".getBytes(StandardCharsets.UTF_8)).build();
        ctx.set(1, write, write, state, thread, false, -1, null);
        assertThat(matches("evt.buffer bcontains 485454502f")).as("HTTP/").isTrue();
        assertThat(matches("evt.buffer bstartswith 474554")).as("GET").isTrue();
        assertThat(matches("evt.buffer bstartswith 485454")).isFalse();
        assertThat(matches("evt.buffer contains HTTP")).isTrue();
        assertThat(matches("evt.buffer exists")).isTrue();
        CompileResult bad = FilterCompiler.compile("evt.buffer bcontains GET", "f", RenderedFields.registry());
        assertThat(bad.problems()).singleElement().satisfies(p ->
                assertThat(p.message()).isEqualTo("bcontains and bstartswith operator support hex strings only"));
        CompileResult glob = FilterCompiler.compile("evt.buffer glob '*GET*'", "f", RenderedFields.registry());
        assertThat(glob.problems()).singleElement().satisfies(p ->
                assertThat(p.message()).isEqualTo("'glob' operator not supported for buffer filters"));
        RawEvent open = SyntheticEvent.of(EventTypes.SYSCALL_OPEN_X).build();
        ctx.set(2, open, open, state, thread, false, -1, null);
        assertThat(matches("evt.buffer exists")).as("no data parameter").isFalse();
    }

    private boolean matches(String filter) {
        CompileResult r = FilterCompiler.compile(filter, "f", RenderedFields.registry());
        assertThat(r.problems()).as(filter).isEmpty();
        return r.filter().matches(ctx);
    }
}
