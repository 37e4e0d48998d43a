package dev.saker.filter;

import static org.assertj.core.api.Assertions.assertThat;

import dev.saker.fields.EventContext;
import dev.saker.fields.Field;
import dev.saker.fields.FieldRegistry;
import dev.saker.fields.FieldType;
import dev.saker.scap.Allocations;
import org.junit.jupiter.api.Test;

/**
 * The common checks (string equality, contains, startswith, glob, pmatch, in over strings and numbers,
 * numeric ordering, exists, and/or/not) evaluate without allocating: the test's fields return values
 * made once, so any allocation measured would be the filter's own.
 */
class FilterAllocationTest {
    private static final String NAME = "/usr/bin/bash";
    private static final Long NUMBER = 1234L;

    @Test
    void commonChecksDoNotAllocate() throws Exception {
        FieldRegistry registry = FieldRegistry.standard().with(
                new Field("t.name", FieldType.STRING, Field.Argument.NONE, "", (c, a) -> NAME),
                new Field("t.num", FieldType.NUMBER, Field.Argument.NONE, "", (c, a) -> NUMBER),
                new Field("t.none", FieldType.STRING, Field.Argument.NONE, "", (c, a) -> null));
        Filter f = FilterCompiler.compile("(t.name = /bin/sh or t.name contains bash) and t.name startswith /usr"
                + " and t.name endswith sh and t.name icontains BIN and t.name glob '/usr/*/b?sh'"
                + " and t.name pmatch (/usr/bin, /opt) and t.name in (a, b, /usr/bin/bash)"
                + " and t.num in (1, 1234) and t.num > 1000 and t.num != 5 and t.name exists"
                + " and not t.none = x and not t.none exists", "t", registry).filter();
        EventContext ctx = new EventContext();
        assertThat(f.matches(ctx)).isTrue();
        long bytes = Allocations.allocatedWhile(() -> {
            for (int i = 0; i < 100_000; i++) {
                if (!f.matches(ctx)) {
                    throw new AssertionError();
                }
            }
        });
        assertThat(bytes).as("bytes allocated by 100000 evaluations").isLessThan(1024);
    }
}
