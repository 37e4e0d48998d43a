package dev.saker.format;

import static org.assertj.core.api.Assertions.assertThat;

import dev.saker.fields.EventContext;
import dev.saker.fields.Field;
import dev.saker.fields.FieldRegistry;
import dev.saker.fields.FieldType;
import org.junit.jupiter.api.Test;

class JsonEventFormatTest {
    private static final FieldRegistry FIXED = FieldRegistry.standard().with(
            new Field("z.str", FieldType.STRING, Field.Argument.NONE, "", (c, a) -> "a\"b\\c\n\u0001"),
            new Field("a.num", FieldType.NUMBER, Field.Argument.NONE, "", (c, a) -> -7L),
            new Field("m.bool", FieldType.BOOL, Field.Argument.NONE, "", (c, a) -> true),
            new Field("m.none", FieldType.STRING, Field.Argument.NONE, "", (c, a) -> null));

    private static String render(String format) {
        return new JsonEventFormat(FieldFormat.parse(format, FIXED)).render(new EventContext());
    }

    @Test
    void membersAreSortedByFieldNameAndTypedLikeJsoncpp() {
        assertThat(render("%z.str %a.num %m.bool")).isEqualTo("{\"a.num\":-7,\"m.bool\":true,\"z.str\":\"a\\\"b\\\\c\\n\\u0001\"}");
    }

    @Test
    void literalTextIsDropped() {
        assertThat(render("num is %a.num!")).isEqualTo("{\"a.num\":-7}");
    }

    @Test
    void missingValueIsNullWhenStarredElseSkipsTheEvent() {
        assertThat(render("*%a.num %m.none")).isEqualTo("{\"a.num\":-7,\"m.none\":null}");
        assertThat(render("%a.num %m.none")).isNull();
    }
}
