package dev.saker.index;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CountedTest {

    @Test
    void oneIsSingularEverythingElsePlural() {
        assertThat(Counted.of(1, "event")).isEqualTo("1 event");
        assertThat(Counted.of(0, "event")).isEqualTo("0 events");
        assertThat(Counted.of(2, "row")).isEqualTo("2 rows");
        assertThat(Counted.of(1, "match", "matches")).isEqualTo("1 match");
        assertThat(Counted.of(3, "match", "matches")).isEqualTo("3 matches");
    }
}
