package dev.saker.index;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

class BinWidthTest {

    @Test
    void widthsAreRoundedUpToOneTwoFiveOrAClockStep() {
        assertThat(BinWidth.roundUp(0)).isEqualTo(1_000L);
        assertThat(BinWidth.roundUp(1_001)).isEqualTo(2_000L);
        assertThat(BinWidth.roundUp(3_400_000)).isEqualTo(5_000_000L);
        assertThat(BinWidth.roundUp(1_000_000_001L)).isEqualTo(2_000_000_000L);
        assertThat(BinWidth.roundUp(11_000_000_000L)).isEqualTo(15_000_000_000L);
        assertThat(BinWidth.roundUp(7_562_083_450_000_000L)).isEqualTo(100L * 86_400_000_000_000L);
    }

    @Test
    void widthsReadAsPeopleSayThem() {
        assertThat(BinWidth.text(1_000)).isEqualTo("1 us");
        assertThat(BinWidth.text(50_000_000)).isEqualTo("50 ms");
        assertThat(BinWidth.text(15_000_000_000L)).isEqualTo("15 s");
        assertThat(BinWidth.text(300_000_000_000L)).isEqualTo("5 min");
        assertThat(BinWidth.text(7_200_000_000_000L)).isEqualTo("2 h");
        assertThat(BinWidth.text(1_500)).isEqualTo("1.50 us");
    }

    @Test
    void aRoundedWidthIsAtLeastTheWidthAskedAndAtMostTwoAndAHalfTimesIt() {
        Random random = new Random(42L);
        for (int i = 0; i < 10_000; i++) {
            long want = BinWidth.MIN_NS + (long) (random.nextDouble() * Math.pow(10, 3 + random.nextInt(13)));
            long w = BinWidth.roundUp(want);
            assertThat(w).as("want %d", want).isGreaterThanOrEqualTo(want).isLessThanOrEqualTo(want * 5 / 2);
            assertThat(BinWidth.text(w)).as("width %d", w).doesNotContain(".");
        }
    }
}
