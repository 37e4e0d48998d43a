package dev.saker.capture;

import dev.saker.scap.RawEvent;
import dev.saker.scap.ScapReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/** Every event of a capture, read with Saker's ScapReader, with look-ups the tests share. */
final class RecordedEvents {
    // event types (current libs numbering)
    static final int GENERIC_X = 1;
    static final int CONNECT_E = 22;
    static final int CONNECT_X = 23;
    static final int READ_X = 7;
    static final int WRITE_X = 9;
    static final int CLOSE_X = 5;
    static final int PIPE_X = 61;
    static final int PTRACE_X = 169;
    static final int PROCEXIT = 186;
    static final int SETRESUID_X = 193;
    static final int CLONE_X = 223;
    static final int EXECVE_X = 293;
    static final int UNLINKAT_X = 303;
    static final int OPENAT_E = 306;
    static final int OPENAT_X = 307;
    static final int RENAMEAT2_X = 319;
    static final int CLONE3_X = 335;
    static final int PIPE2_X = 393;
    // execve exit parameters
    static final int EXE = 1;
    static final int ARGS = 2;
    static final int PID = 4;
    static final int PTID = 5;
    static final int COMM = 13;
    static final int EXECVE_FLAGS = 19;
    static final int EXECVE_UID = 26;
    static final int EXECVE_EXEPATH = 27;

    final List<RawEvent> all;

    private RecordedEvents(List<RawEvent> all) {
        this.all = all;
    }

    static RecordedEvents read(Path capture) throws IOException {
        List<RawEvent> events = new ArrayList<>();
        try (ScapReader reader = ScapReader.open(capture)) {
            for (RawEvent e; (e = reader.next()) != null; ) {
                events.add(e.copy());
            }
        }
        return new RecordedEvents(events);
    }

    List<RawEvent> of(int type, Predicate<RawEvent> p) {
        return all.stream().filter(e -> e.type() == type).filter(p).collect(Collectors.toList());
    }

    /** Successful execve exits of exe, in the order they happened. */
    List<RawEvent> execs(String exe) {
        return of(EXECVE_X, e -> e.signed(0) == 0 && exe.equals(e.string(EXE)));
    }

    /** The NUL-separated args parameter as a list. */
    static List<String> args(RawEvent e) {
        String s = new String(e.bytes(ARGS), StandardCharsets.UTF_8);
        List<String> out = new ArrayList<>(List.of(s.split("\0", -1)));
        if (!out.isEmpty() && out.get(out.size() - 1).isEmpty()) {
            out.remove(out.size() - 1);
        }
        return out;
    }

    int size() {
        return all.size();
    }
}
