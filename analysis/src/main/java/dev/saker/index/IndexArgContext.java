package dev.saker.index;

import dev.saker.format.ArgContext;
import dev.saker.format.FdView;

/**
 * The state one re-read event's arguments are rendered with: what the index kept for its row (the
 * event's own fd and the thread's working directory). Other fds and other threads' names are not
 * kept, and print raw, which only touches the few calls that name two fds (dup, pipe) or another
 * thread (clone's child, kill's target).
 */
final class IndexArgContext implements ArgContext {
    private final boolean thread;
    private final CaptureIndex.FdRef fd;
    private final String cwd;

    IndexArgContext(CaptureIndex index, int row) {
        this.thread = index.threadName(row) != null;
        this.fd = index.fd(row);
        this.cwd = index.cwd(row);
    }

    @Override
    public boolean hasThread() {
        return thread;
    }

    @Override
    public FdView fd(long n) {
        return fd != null && fd.num() == n ? fd.view() : null;
    }

    @Override
    public String cwd() {
        return cwd;
    }
}
