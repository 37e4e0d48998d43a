package dev.saker.scap;

import java.lang.management.ManagementFactory;

/** Bytes the current thread allocates while running some work: the least of five runs, so JIT and first-use costs drop out. */
public final class Allocations {
    /** Work that may throw, as reading a capture does. */
    @FunctionalInterface
    public interface Work {
        void run() throws Exception;
    }

    private Allocations() {
    }

    public static long allocatedWhile(Work work) throws Exception {
        com.sun.management.ThreadMXBean mx = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long id = Thread.currentThread().getId();
        long least = Long.MAX_VALUE;
        for (int round = 0; round < 5; round++) {
            long before = mx.getThreadAllocatedBytes(id);
            work.run();
            least = Math.min(least, mx.getThreadAllocatedBytes(id) - before);
        }
        return least;
    }
}
