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

    private static java.util.Collection<String> values(String field) {
        return field.equals("proc.name") ? java.util.List.of("curl", "cat", "bash") : java.util.List.of();
    }

    @Test
    void afterAComparisonTheCapturesValuesComplete() {
        FilterCheck.Completion c = FilterCheck.complete("evt.type=open and proc.name=c", 29, FilterCheckTest::values);
        assertThat(c.start()).isEqualTo(28);
        assertThat(c.candidates()).containsExactly("cat", "curl");
        assertThat(FilterCheck.complete("proc.name != b", 14, FilterCheckTest::values).candidates()).containsExactly("bash");
    }

    @Test
    void insideAnInListTheCapturesValuesComplete() {
        String text = "proc.name in (curl, ca";
        FilterCheck.Completion c = FilterCheck.complete(text, text.length(), FilterCheckTest::values);
        assertThat(c.candidates()).containsExactly("cat");
        assertThat(text.substring(c.start())).isEqualTo("ca");
    }

    @Test
    void elsewhereFieldNamesComplete() {
        FilterCheck.Completion c = FilterCheck.complete("evt.type=open and proc.na", 25, FilterCheckTest::values);
        assertThat(c.start()).isEqualTo(18);
        assertThat(c.candidates()).contains("proc.name");
        // a field whose values the capture does not list completes nothing after '='
        assertThat(FilterCheck.complete("evt.type=op", 11, FilterCheckTest::values).candidates()).isEmpty();
    }
}
