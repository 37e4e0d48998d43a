package dev.saker.index;

/** "1 event", "2 events", "1234 rows": a count with its noun in the right number. */
public final class Counted {
    private Counted() {
    }

    /** {@code n} and {@code noun} with "s" added unless n is 1. */
    public static String of(long n, String noun) {
        return of(n, noun, noun + "s");
    }

    /** {@code n} and the singular or plural given (for "1 process", "2 processes"). */
    public static String of(long n, String singular, String plural) {
        return n + " " + (n == 1 ? singular : plural);
    }
}
