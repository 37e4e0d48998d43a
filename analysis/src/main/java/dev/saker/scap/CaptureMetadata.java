package dev.saker.scap;

import java.util.List;

/**
 * The metadata blocks of one capture section: what the system looked like when recording started.
 * {@code machine} may be null (no MI block); the lists are never null.
 */
public record CaptureMetadata(MachineInfo machine, List<InterfaceEntry> interfaces, List<UserEntry> users,
                              List<GroupEntry> groups, List<ProcessEntry> processes, List<FdEntry> fds) {
    public CaptureMetadata {
        interfaces = List.copyOf(interfaces);
        users = List.copyOf(users);
        groups = List.copyOf(groups);
        processes = List.copyOf(processes);
        fds = List.copyOf(fds);
    }

    /** No metadata at all: a capture of events only. */
    public static CaptureMetadata empty() {
        return new CaptureMetadata(null, List.of(), List.of(), List.of(), List.of(), List.of());
    }
}
