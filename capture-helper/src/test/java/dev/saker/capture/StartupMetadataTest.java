package dev.saker.capture;

import static org.assertj.core.api.Assertions.assertThat;

import dev.saker.scap.InterfaceEntry;
import dev.saker.scap.MachineInfo;
import dev.saker.scap.MetadataListener;
import dev.saker.scap.ProcessEntry;
import dev.saker.scap.ScapReader;
import dev.saker.scap.UserEntry;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The blocks written before the events: machine, interfaces, users and the process list. */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class StartupMetadataTest {
    @TempDir
    Path dir;

    @Test
    void captureStartsWithMachineInterfacesUsersAndThisProcess() throws Exception {
        CaptureRun.assumeCapturePossible();
        Path file = dir.resolve("meta.scap");
        try (CaptureRun run = CaptureRun.start(List.of("-w", file.toString(), "--events", "10", "--duration", "30"),
                ProcessBuilder.Redirect.DISCARD)) {
            new ProcessBuilder("/bin/true").start().waitFor(10, TimeUnit.SECONDS);
            assertThat(run.waitFor()).isZero();
        }
        List<InterfaceEntry> ifaces = new ArrayList<>();
        List<UserEntry> users = new ArrayList<>();
        List<ProcessEntry> procs = new ArrayList<>();
        MachineInfo[] machine = new MachineInfo[1];
        MetadataListener listener = new MetadataListener() {
            @Override public void onMachineInfo(MachineInfo info) { machine[0] = info; }
            @Override public void onInterface(InterfaceEntry iface) { ifaces.add(iface); }
            @Override public void onUser(UserEntry user) { users.add(user); }
            @Override public void onProcess(ProcessEntry p) { procs.add(p); }
        };
        try (ScapReader r = ScapReader.open(file, listener)) {
            while (r.next() != null) {
                // the listener sees the metadata before the first event
            }
        }
        assertThat(machine[0]).isNotNull();
        assertThat(ifaces).anySatisfy(i -> {
            assertThat(i.name()).isEqualTo("lo");
            assertThat(i.addr()).containsExactly((byte) 127, (byte) 0, (byte) 0, (byte) 1);
        });
        assertThat(users).anySatisfy(u -> {
            assertThat(u.name()).isEqualTo("root");
            assertThat(u.uid()).isZero();
        });
        long self = ProcessHandle.current().pid();
        assertThat(procs).anySatisfy(p -> {
            assertThat(p.tid).isEqualTo(self);
            assertThat(p.pid).isEqualTo(self);
            assertThat(p.ptid).isEqualTo(ProcessHandle.current().parent().orElseThrow().pid());
        });
    }
}
