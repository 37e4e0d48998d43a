package dev.saker.capture;

import java.util.concurrent.TimeUnit;

/** A syscall storm: dd copying single bytes makes two syscalls (a read and a write) per byte. */
final class DdStorm {
    private DdStorm() {
    }

    static void run(int bytes) throws Exception {
        Process dd = new ProcessBuilder("dd", "if=/dev/zero", "of=/dev/null", "bs=1", "count=" + bytes, "status=none")
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        if (!dd.waitFor(60, TimeUnit.SECONDS)) {
            dd.destroyForcibly();
            throw new AssertionError("dd did not finish");
        }
    }
}
