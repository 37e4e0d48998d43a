package dev.saker.index;

/**
 * Round time-bin widths (1, 2, 5 times a power of ten up to seconds, then minutes, hours and days, as
 * a clock reads) and their labels: "events per 50 ms" reads at a glance, "events per 7562083.45 s"
 * does not.
 */
public final class BinWidth {
    /** No bin is narrower: a capture whose events share one time still gets a readable axis. */
    public static final long MIN_NS = 1_000L;

    private static final long S = 1_000_000_000L;
    private static final long MIN = 60 * S;
    private static final long H = 60 * MIN;
    private static final long D = 24 * H;
    private static final long[] CLOCK = {
        S, 2 * S, 5 * S, 10 * S, 15 * S, 30 * S, MIN, 2 * MIN, 5 * MIN, 10 * MIN, 15 * MIN, 30 * MIN,
        H, 2 * H, 3 * H, 6 * H, 12 * H, D
    };

    private BinWidth() {
    }

    /** The smallest round width of at least {@code ns} (and of at least {@link #MIN_NS}). */
    public static long roundUp(long ns) {
        long want = Math.max(MIN_NS, ns);
        if (want <= S) {
            for (long decade = 1; ; decade *= 10) {
                for (long step : new long[] {1, 2, 5}) {
                    if (step * decade >= want) {
                        return step * decade;
                    }
                }
            }
        }
        for (long w : CLOCK) {
            if (w >= want) {
                return w;
            }
        }
        // days: 1, 2, 5 times a power of ten, stopping before a long would overflow
        for (long decade = D; decade <= Long.MAX_VALUE / 50; decade *= 10) {
            for (long step : new long[] {1, 2, 5}) {
                if (step * decade >= want) {
                    return step * decade;
                }
            }
        }
        return want;
    }

    /** A width as people say it: "1 us", "250 ms", "15 s", "5 min", "2 h", "3 d". */
    public static String text(long ns) {
        long[] units = {D, H, MIN, S, 1_000_000L, 1_000L, 1L};
        String[] names = {"d", "h", "min", "s", "ms", "us", "ns"};
        // the largest unit that fits: whole when it divides evenly (ours always do), else 2 decimals
        for (int i = 0; i < units.length; i++) {
            if (ns >= units[i]) {
                return ns % units[i] == 0 ? ns / units[i] + " " + names[i]
                        : String.format(java.util.Locale.ROOT, "%.2f %s", ns / (double) units[i], names[i]);
            }
        }
        return ns + " ns";
    }
}
