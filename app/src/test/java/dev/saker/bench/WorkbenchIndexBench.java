package dev.saker.bench;

import dev.saker.index.CaptureIndex;
import dev.saker.index.CaptureIndexer;
import dev.saker.index.EventRows;
import dev.saker.index.RowFilter;
import dev.saker.index.RowQuery;
import dev.saker.index.RowSet;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;

/**
 * What the workbench does when it opens a large capture, timed headless through the same analysis
 * classes: time until the first page of rows is rendered (indexing running in the background), time
 * to the full index, the index's memory, one filter over the index, and rendering random pages
 * (scrolling). Benchmark tooling run by {@code bench/workbench-vs-sysdig.sh}; not a user command.
 *
 * <p>Usage: {@code WorkbenchIndexBench CAPTURE CONDITION}
 */
public final class WorkbenchIndexBench {
    private static final int PAGE = 40;

    private WorkbenchIndexBench() {
    }

    public static void main(String[] args) throws Exception {
        Path capture = Path.of(args[0]);
        String condition = args[1];
        long t0 = System.nanoTime();
        CaptureIndex index = CaptureIndexer.create(capture);
        Thread indexer = new Thread(() -> {
            try {
                CaptureIndexer.fill(index, (r, f) -> { }, () -> false);
            } catch (Exception e) {
                throw new RuntimeException(e);
            }
        }, "indexer");
        indexer.start();
        EventRows rows = new EventRows(index);
        while (index.size() < PAGE && !index.complete()) {
            Thread.onSpinWait();
        }
        for (int i = 0; i < Math.min(PAGE, index.size()); i++) {
            rows.row(i);
        }
        long firstPage = System.nanoTime() - t0;
        indexer.join();
        long full = System.nanoTime() - t0;
        System.gc();
        long heap = Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory();
        long t1 = System.nanoTime();
        RowSet set = RowFilter.run(index, RowQuery.ALL.withCondition(condition), () -> false);
        long filter = System.nanoTime() - t1;
        Random random = new Random(42);
        long[] pages = new long[500];
        for (int p = 0; p < pages.length; p++) {
            int start = random.nextInt(Math.max(1, index.size() - PAGE));
            long s = System.nanoTime();
            for (int i = start; i < Math.min(index.size(), start + PAGE); i++) {
                rows.row(i);
            }
            pages[p] = System.nanoTime() - s;
        }
        Arrays.sort(pages);
        rows.close();
        System.out.printf("rows indexed: %d%n", index.size());
        System.out.printf("first page of %d rows rendered: %.3f s%n", PAGE, firstPage / 1e9);
        System.out.printf("full index: %.2f s%n", full / 1e9);
        System.out.printf("index columns: %.1f MB (%.1f bytes/row); heap after GC: %.1f MB%n", index.columnBytes() / 1e6,
                index.columnBytes() / (double) Math.max(1, index.size()), heap / 1e6);
        System.out.printf("rows whose info text was kept from the pass: %d%n", index.stateInfoRows());
        System.out.printf("filter '%s': %.2f s, %d rows%n", condition, filter / 1e9, set.size());
        System.out.printf("random page of %d rows: median %.2f ms, p99 %.2f ms, max %.2f ms%n", PAGE,
                pages[pages.length / 2] / 1e6, pages[pages.length * 99 / 100] / 1e6, pages[pages.length - 1] / 1e6);
    }
}
