package dev.saker.scap;

import java.util.ArrayList;
import java.util.List;

/**
 * Keeps the metadata of a capture's first section, for tools that copy a capture (convert, cut,
 * merge). Later sections of merged files describe the same machine at a later time; their metadata
 * is counted but not kept, because a savefile section has exactly one metadata area.
 */
public final class MetadataCollector implements MetadataListener {
    private MachineInfo machine;
    private final List<InterfaceEntry> interfaces = new ArrayList<>();
    private final List<UserEntry> users = new ArrayList<>();
    private final List<GroupEntry> groups = new ArrayList<>();
    private final List<ProcessEntry> processes = new ArrayList<>();
    private final List<FdEntry> fds = new ArrayList<>();
    private int sections;

    @Override
    public void onSection(int number, int major, int minor) {
        sections = number + 1;
    }

    /** Section headers seen so far. */
    public int sections() {
        return sections;
    }

    private boolean keeping() {
        return sections <= 1;
    }

    @Override
    public void onMachineInfo(MachineInfo info) {
        if (keeping()) {
            machine = info;
        }
    }

    @Override
    public void onProcess(ProcessEntry process) {
        if (keeping()) {
            processes.add(process);
        }
    }

    @Override
    public void onFd(FdEntry fd) {
        if (keeping()) {
            fds.add(fd);
        }
    }

    @Override
    public void onInterface(InterfaceEntry iface) {
        if (keeping()) {
            interfaces.add(iface);
        }
    }

    @Override
    public void onUser(UserEntry user) {
        if (keeping()) {
            users.add(user);
        }
    }

    @Override
    public void onGroup(GroupEntry group) {
        if (keeping()) {
            groups.add(group);
        }
    }

    /** The first section's metadata as collected so far. */
    public CaptureMetadata metadata() {
        return new CaptureMetadata(machine, interfaces, users, groups, processes, fds);
    }
}
