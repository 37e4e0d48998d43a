package dev.saker.index;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FilterCheckTest {

    @Test
    void blankIsEmpty() {
        assertThat(FilterCheck.of("  ").status()).isEqualTo(FilterCheck.Status.EMPTY);
    }

    @Test
    void aCompleteConditionIsValid() {
        assertThat(FilterCheck.of("evt.type=open and proc.name=curl").status()).isEqualTo(FilterCheck.Status.VALID);
    }

    @Test
    void aTrailingOperatorIsIncomplete() {
        assertThat(FilterCheck.of("evt.type=open and").status()).isEqualTo(FilterCheck.Status.INCOMPLETE);
        assertThat(FilterCheck.of("proc.name=\"cu").status()).isEqualTo(FilterCheck.Status.INCOMPLETE);
    }

    @Test
    void anUnknownFieldIsInvalidWithItsSpan() {
        String text = "evt.type=open and proc.nme=curl";
        FilterCheck c = FilterCheck.of(text);
        assertThat(c.status()).isEqualTo(FilterCheck.Status.INVALID);
        assertThat(text.substring(c.start(), c.end())).isEqualTo("proc.nme");
        assertThat(c.message()).contains("proc.nme");
    }

    @Test
    void theWordAtTheCaretIsAFieldNamePrefix() {
        String text = "evt.type=open and proc.na";
        assertThat(text.substring(FilterCheck.wordStart(text, text.length()))).isEqualTo("proc.na");
        assertThat(FilterCheck.wordStart("(fd.na", 6)).isEqualTo(1);
    }

    @Test
    void completionsAreTheFieldsWithThePrefix() {
        assertThat(FilterCheck.fieldsStartingWith("proc.na")).contains("proc.name").allMatch(f -> f.startsWith("proc.na"));
        assertThat(FilterCheck.fieldsStartingWith("")).isEmpty();
        assertThat(FilterCheck.fieldsStartingWith("zzz")).isEmpty();
    }
}
