package dev.saker.scap;

/** Marks exceptions from the caller's listener, so that the reader's damage net lets them through unchanged. */
record ListenerShield(MetadataListener inner) implements MetadataListener {
    private static void call(Runnable r) {
        try {
            r.run();
        } catch (RuntimeException e) {
            throw new ListenerFailure(e);
        }
    }

    @Override
    public void onSection(int number, int major, int minor) {
        call(() -> inner.onSection(number, major, minor));
    }

    @Override
    public void onMachineInfo(MachineInfo info) {
        call(() -> inner.onMachineInfo(info));
    }

    @Override
    public void onProcess(ProcessEntry process) {
        call(() -> inner.onProcess(process));
    }

    @Override
    public void onFd(FdEntry fd) {
        call(() -> inner.onFd(fd));
    }

    @Override
    public void onInterface(InterfaceEntry iface) {
        call(() -> inner.onInterface(iface));
    }

    @Override
    public void onUser(UserEntry user) {
        call(() -> inner.onUser(user));
    }

    @Override
    public void onGroup(GroupEntry group) {
        call(() -> inner.onGroup(group));
    }
}
