package dev.saker.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.saker.fields.EventContext;
import dev.saker.fields.Field;
import dev.saker.fields.FieldRegistry;
import dev.saker.fields.FieldType;
import org.junit.jupiter.api.Test;

class FieldFormatTest {
    /** A registry with fixed values, so the tests need no capture. */
    private static final FieldRegistry FIXED = FieldRegistry.standard().with(
            new Field("t.name", FieldType.STRING, Field.Argument.NONE, "", (c, a) -> "curl"),
            new Field("t.names", FieldType.STRING, Field.Argument.NONE, "", (c, a) -> "LONGER"),
            new Field("t.none", FieldType.STRING, Field.Argument.NONE, "", (c, a) -> null),
            new Field("t.num", FieldType.NUMBER, Field.Argument.NONE, "", (c, a) -> 42L),
            new Field("t.arg", FieldType.STRING, Field.Argument.OPTIONAL, "", (c, a) -> "arg=" + a));
    private static final EventContext NO_EVENT = new EventContext();

    private static String render(String format) {
        return FieldFormat.parse(format, FIXED).render(NO_EVENT);
    }

    @Test
    void literalTextSurroundsFieldValues() {
        assertThat(render("name=%t.name (%t.num)!")).isEqualTo("name=curl (42)!");
    }

    @Test
    void longestFieldNameWinsAtThePercent() {
        assertThat(render("%t.names")).isEqualTo("LONGER");
        assertThat(render("%t.namex")).isEqualTo("curlx");
    }

    @Test
    void bracketArgumentIsPassedToTheField() {
        assertThat(render("%t.arg[2] %t.arg")).isEqualTo("arg=2 arg=null");
    }

    @Test
    void missingValueSkipsTheEventUnlessStarred() {
        assertThat(render("%t.name %t.none")).isNull();
        assertThat(render("*%t.name %t.none")).isEqualTo("curl <NA>");
    }

    @Test
    void widthPadsOrCutsTheValue() {
        assertThat(render("[%6t.name][%2t.name]")).isEqualTo("[curl  ][cu]");
    }

    @Test
    void unknownFieldIsRejectedWithItsPosition() {
        assertThatThrownBy(() -> FieldFormat.parse("ok %nope.x", FIXED))
                .isInstanceOf(FormatException.class)
                .hasMessageContaining("nope.x")
                .extracting(e -> ((FormatException) e).position()).isEqualTo(4);
    }

    @Test
    void trailingPercentIsRejected() {
        assertThatThrownBy(() -> FieldFormat.parse("abc %", FIXED)).isInstanceOf(FormatException.class);
    }

    @Test
    void emptyFormatIsRejected() {
        assertThatThrownBy(() -> FieldFormat.parse("", FIXED)).isInstanceOf(FormatException.class);
    }
}
