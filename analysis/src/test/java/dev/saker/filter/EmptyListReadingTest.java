package dev.saker.filter;

import static org.assertj.core.api.Assertions.assertThat;

import dev.saker.fields.EventContext;
import dev.saker.fields.Field;
import dev.saker.fields.FieldRegistry;
import dev.saker.fields.FieldType;
import dev.saker.fields.LibsEdition;
import org.junit.jupiter.api.Test;

/**
 * {@code x in ()} (what Falco's list substitution makes of an empty list): the empty set for current
 * libs; for sysdig 0.29.3's compiler a list of one empty string, so it holds where x is "" (the
 * differential test against sysdig found this on the official rules' empty placeholder lists).
 */
class EmptyListReadingTest {
    private static final FieldRegistry FIELDS = FieldRegistry.standard().with(
            new Field("t.empty", FieldType.STRING, Field.Argument.NONE, "", (c, a) -> ""),
            new Field("t.bash", FieldType.STRING, Field.Argument.NONE, "", (c, a) -> "bash"));

    private static boolean matches(String filter, LibsEdition edition) {
        CompileResult r = FilterCompiler.compile(filter, "f", FIELDS, edition);
        assertThat(r.problems()).as(filter).isEmpty();
        return r.filter().matches(new EventContext());
    }

    @Test
    void currentLibsReadAnEmptyListAsTheEmptySet() {
        assertThat(matches("t.empty in ()", LibsEdition.CURRENT)).isFalse();
        assertThat(matches("t.bash in ()", LibsEdition.CURRENT)).isFalse();
        assertThat(matches("not t.bash in ()", LibsEdition.CURRENT)).isTrue();
    }

    @Test
    void sysdig2022ReadsAnEmptyListAsOneEmptyString() {
        assertThat(matches("t.empty in ()", LibsEdition.SYSDIG_2022)).isTrue();
        assertThat(matches("t.bash in ()", LibsEdition.SYSDIG_2022)).isFalse();
        assertThat(matches("not t.empty in ()", LibsEdition.SYSDIG_2022)).isFalse();
    }
}
