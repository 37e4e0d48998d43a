package dev.saker.state;

import static org.assertj.core.api.Assertions.assertThat;

import dev.saker.scap.ConformanceCaptures;
import dev.saker.scap.MetadataListener;
import dev.saker.scap.ProcessEntry;
import dev.saker.scap.ScapReader;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Threads built from a process list reuse the previous entry's decoded lists when the bytes are the
 * same; every thread of every conformance capture must come out as if decoded on its own.
 */
class ProcessListDecodingTest {

    @Test
    void reusingThePreviousEntrysListsChangesNoThread() throws IOException {
        int entries = 0;
        int reused = 0;
        for (Path capture : ConformanceCaptures.captures()) {
            List<ProcessEntry> listed = new ArrayList<>();
            try (ScapReader r = ScapReader.open(capture, new MetadataListener() {
                @Override
                public void onProcess(ProcessEntry p) {
                    listed.add(p);
                }
            })) {
                r.next();
            } catch (IOException e) {
                // a capture that fails later still listed its processes first; those are compared
            }
            ThreadFactory.PreviousLists previous = new ThreadFactory.PreviousLists();
            ThreadInfo before = null;
            for (ProcessEntry p : listed) {
                ThreadInfo shared = ThreadFactory.fromProcessEntry(p, previous);
                ThreadInfo alone = ThreadFactory.fromProcessEntry(p, new ThreadFactory.PreviousLists());
                assertThat(shared.args).as("%s tid %d", capture, p.tid).isEqualTo(alone.args);
                assertThat(shared.env).as("%s tid %d", capture, p.tid).isEqualTo(alone.env);
                assertThat(shared.cgroups).as("%s tid %d", capture, p.tid).isEqualTo(alone.cgroups);
                assertThat(shared.containerId).as("%s tid %d", capture, p.tid).isEqualTo(alone.containerId);
                if (before != null && shared.env == before.env && shared.cgroups == before.cgroups && !shared.env.isEmpty()) {
                    reused++;
                }
                before = shared;
                entries++;
            }
        }
        assertThat(entries).isGreaterThan(1000);
        assertThat(reused).isGreaterThan(100);
    }
}
