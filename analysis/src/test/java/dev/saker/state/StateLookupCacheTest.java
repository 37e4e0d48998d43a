package dev.saker.state;

import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The look-up caches in front of the thread and fd maps (FdTable's last look-up, ThreadTable's
 * last two and the pinned event thread) must answer exactly as the maps do: seeded random
 * sequences of look-ups, replacements (reused tids and fds) and removals, checked against a model.
 */
class StateLookupCacheTest {
    private static final int ROUNDS = 20;
    private static final int STEPS = 5_000;

    @Test
    void fdTableAnswersAsAMap() {
        for (int seed = 0; seed < ROUNDS; seed++) {
            Random r = new Random(seed);
            FdTable table = new FdTable();
            Map<Long, FdInfo> model = new HashMap<>();
            for (int step = 0; step < STEPS; step++) {
                long fd = r.nextInt(6) - 1;   // few fds, so that the cached one is hit, replaced and removed
                switch (r.nextInt(4)) {
                    case 0 -> {
                        FdInfo f = new FdInfo(1, "f" + step);
                        table.put(fd, f);
                        model.put(fd, f);
                    }
                    case 1 -> assertSame(model.remove(fd), table.remove(fd), "seed " + seed + " step " + step);
                    default -> assertSame(model.get(fd), table.get(fd), "seed " + seed + " step " + step);
                }
            }
        }
    }

    @Test
    void threadTableNeverServesARemovedOrReplacedThread() {
        for (int seed = 0; seed < ROUNDS; seed++) {
            Random r = new Random(seed);
            ThreadTable table = new ThreadTable();
            Map<Long, ThreadInfo> model = new HashMap<>();
            for (int step = 0; step < STEPS; step++) {
                long tid = r.nextInt(8);
                String where = "seed " + seed + " step " + step + " tid " + tid;
                switch (r.nextInt(6)) {
                    case 0 -> {
                        // a new thread, possibly reusing the tid of a live one (clone over a stale entry)
                        ThreadInfo t = new ThreadInfo();
                        t.tid = tid;
                        t.pid = tid;
                        table.add(t);
                        model.put(tid, t);
                    }
                    case 1 -> {
                        table.remove(tid);
                        model.remove(tid);
                    }
                    case 2 -> {
                        ThreadInfo t = table.findOrCreateForEvent(tid);
                        model.putIfAbsent(tid, t);
                        assertSame(model.get(tid), t, where);
                    }
                    case 3 -> {
                        ThreadInfo t = table.findOrCreate(tid);
                        model.putIfAbsent(tid, t);
                        assertSame(model.get(tid), t, where);
                    }
                    default -> assertSame(model.get(tid), table.find(tid), where);
                }
            }
        }
    }
}
