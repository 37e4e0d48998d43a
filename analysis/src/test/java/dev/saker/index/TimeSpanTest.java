package dev.saker.index;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class TimeSpanTest {
    private static final long T0 = 1_512_416_689_709_786_646L; // example5-httpd.scap's first timed event
    private static final long S = 1_000_000_000L;

    private static TimeSpan span(long... ts) {
        return TimeSpan.of(ts.length, i -> ts[i]);
    }

    @Test
    void zeroTimesAreUntimedAndLeftOutOfTheSpan() {
        TimeSpan s = span(0, 0, T0, T0 + 5, T0 + S);
        assertThat(s.first()).isEqualTo(T0);
        assertThat(s.last()).isEqualTo(T0 + S);
        assertThat(s.untimed()).isEqualTo(2);
        assertThat(s.outliers()).isZero();
        assertThat(s.timed()).isEqualTo(3);
        assertThat(s.covers(0)).isFalse();
    }

    @Test
    void onlyUntimedEventsGiveAnEmptySpan() {
        TimeSpan s = span(0, 0);
        assertThat(s.empty()).isTrue();
        assertThat(s.untimed()).isEqualTo(2);
        assertThat(s.covers(0)).isFalse();
    }

    @Test
    void oneEventIsASpanOfZeroWidth() {
        TimeSpan s = span(T0);
        assertThat(s.first()).isEqualTo(T0).isEqualTo(s.last());
        assertThat(s.covers(T0)).isTrue();
    }

    @Test
    void aBogusTimeFarFromTheOthersIsAnOutlierAtEitherEnd() {
        long[] ts = new long[2000]; // two outliers allowed: one in a thousand
        for (int i = 0; i < ts.length; i++) {
            ts[i] = T0 + i * 1_000_000L;
        }
        ts[0] = 17; // a corrupt timestamp near the epoch
        ts[1300] = Long.MAX_VALUE / 2; // and one in the far future, mid-file
        TimeSpan s = span(ts);
        assertThat(s.outliers()).isEqualTo(2);
        assertThat(s.first()).isEqualTo(T0 + 1_000_000L);
        assertThat(s.last()).isEqualTo(T0 + 1999 * 1_000_000L);
        assertThat(s.timed()).isEqualTo(1998);
    }

    @Test
    void aLongIdleStretchInsideACaptureIsNotAnOutlier() {
        // a shell at the start, an hour and a half of quiet, then a burst of ten seconds: all real
        long[] ts = new long[2000];
        ts[0] = T0;
        for (int i = 1; i < ts.length; i++) {
            ts[i] = T0 + 5400 * S + i * (10 * S / ts.length);
        }
        TimeSpan s = span(ts);
        assertThat(s.outliers()).isZero();
        assertThat(s.first()).isEqualTo(T0);
    }

    @Test
    void aSmallCaptureLosesAtMostOneEvent() {
        TimeSpan one = span(T0, T0 + 1, Long.MAX_VALUE - 5);
        assertThat(one.outliers()).isEqualTo(1);
        assertThat(one.last()).isEqualTo(T0 + 1);
        // two bogus times in four events: dropping either one alone still leaves decades, so both stay
        TimeSpan two = span(5, T0, T0 + 1, Long.MAX_VALUE - 5);
        assertThat(two.outliers()).isZero();
        assertThat(two.first()).isEqualTo(5);
    }

    @Test
    void twoEventsFarApartAreBothKept() {
        TimeSpan s = span(T0, T0 + 86_400 * S);
        assertThat(s.outliers()).isZero();
        assertThat(s.last() - s.first()).isEqualTo(86_400 * S);
    }

    @Test
    void withoutOutliersTheSpanIsTheMinimumAndMaximumInAnyOrder() {
        Random random = new Random(20261128L);
        for (int round = 0; round < 300; round++) {
            int n = 1 + random.nextInt(3000);
            long[] ts = new long[n];
            long spread = 1 + random.nextInt(1_000_000_000);
            int zeros = 0;
            for (int i = 0; i < n; i++) {
                boolean untimed = random.nextInt(50) == 0;
                ts[i] = untimed ? 0 : T0 + (long) (random.nextDouble() * spread);
                zeros += untimed ? 1 : 0;
            }
            TimeSpan s = span(ts);
            long[] timed = Arrays.stream(ts).filter(t -> t > 0).toArray();
            assertThat(s.untimed()).as("round %d", round).isEqualTo(zeros);
            assertThat(s.outliers()).as("round %d", round).isZero();
            if (timed.length > 0) {
                assertThat(s.first()).isEqualTo(Arrays.stream(timed).min().getAsLong());
                assertThat(s.last()).isEqualTo(Arrays.stream(timed).max().getAsLong());
            }
        }
    }

    @Test
    void plantedOutliersAreFoundAndNeverMoreThanOneInAThousand() {
        Random random = new Random(6L);
        for (int round = 0; round < 200; round++) {
            int n = 3000 + random.nextInt(5000);
            long[] ts = new long[n];
            ts[0] = T0;
            for (int i = 1; i < n; i++) {
                ts[i] = ts[i - 1] + random.nextInt(1_000_000);
            }
            long coreFirst = ts[0];
            long coreLast = ts[n - 1];
            int planted = 1 + random.nextInt(n / 1000);
            for (int p = 0; p < planted; p++) {
                int at = random.nextInt(n);
                ts[at] = random.nextBoolean() ? 1 + random.nextInt(1000) : Long.MAX_VALUE - random.nextInt(1000);
            }
            long[] kept = Arrays.stream(ts).filter(t -> t > 1000 && t < Long.MAX_VALUE - 1000).toArray();
            TimeSpan s = span(ts);
            assertThat(s.outliers()).as("round %d", round).isEqualTo(n - kept.length).isLessThanOrEqualTo(n / 1000);
            assertThat(s.first()).isEqualTo(Arrays.stream(kept).min().getAsLong()).isGreaterThanOrEqualTo(coreFirst);
            assertThat(s.last()).isEqualTo(Arrays.stream(kept).max().getAsLong()).isLessThanOrEqualTo(coreLast);
        }
    }

    @Test
    void extremesAreTheSmallestAndLargestPositiveTimesInAnyOrder() {
        Random random = new Random(99L);
        for (int round = 0; round < 300; round++) {
            int n = random.nextInt(5000);
            long[] ts = new long[n];
            for (int i = 0; i < n; i++) {
                ts[i] = random.nextInt(10) == 0 ? 0 : 1 + random.nextInt(round % 2 == 0 ? 100 : 1_000_000);
            }
            if (round % 3 == 0) {
                Arrays.sort(ts); // time order: every event a new largest
            }
            int count = 1 + random.nextInt(20);
            long[] positive = Arrays.stream(ts).filter(t -> t > 0).sorted().toArray();
            int keep = Math.min(count, positive.length);
            assertThat(TimeSpan.extremes(n, i -> ts[i], count, true)).as("round %d", round)
                    .containsExactly(Arrays.copyOfRange(positive, 0, keep));
            assertThat(TimeSpan.extremes(n, i -> ts[i], count, false)).as("round %d", round)
                    .containsExactly(Arrays.copyOfRange(positive, positive.length - keep, positive.length));
        }
    }

    @Test
    void whatIsLeftOutIsSaidShortAndWhole() {
        assertThat(new TimeSpan(1, 2, 5, 0, 0).leftOut()).isEmpty();
        assertThat(new TimeSpan(1, 2, 5, 0, 0).leftOutDetail()).isEmpty();
        assertThat(new TimeSpan(1, 2, 5, 1, 0).leftOut()).isEqualTo("not drawn: 1 event without a time");
        assertThat(new TimeSpan(1, 2, 5, 0, 2).leftOut()).isEqualTo("not drawn: 2 events far off");
        assertThat(new TimeSpan(1, 2, 5, 3, 1).leftOut()).isEqualTo("not drawn: 3 events without a time, 1 far off");
        assertThat(new TimeSpan(1, 2, 5, 3, 1).leftOutDetail())
                .startsWith("3 events with timestamp 0").contains("; 1 event with a time far outside")
                .endsWith("They are in the table, not on the timeline's axis.");
    }
}
