package dev.saker.scap;

/**
 * Receives the metadata blocks of each section as the reader meets them, before that section's
 * events. Every method does nothing by default.
 */
public interface MetadataListener {
    MetadataListener NONE = new MetadataListener() { };

    /** A new section header; {@code number} counts from 0. */
    default void onSection(int number, int major, int minor) { }

    default void onMachineInfo(MachineInfo info) { }

    default void onProcess(ProcessEntry process) { }

    default void onFd(FdEntry fd) { }

    default void onInterface(InterfaceEntry iface) { }

    default void onUser(UserEntry user) { }

    default void onGroup(GroupEntry group) { }
}
