package dev.saker.scap;

import static org.assertj.core.api.Assertions.assertThat;

import dev.saker.scap.ConversionTable.Action;
import dev.saker.scap.ConversionTable.Conversion;
import dev.saker.scap.ConversionTable.Instruction;
import dev.saker.scap.ConversionTable.Source;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConversionTableTest {
    private static final ConversionTable TABLE = ConversionTable.libscap();
    private static final EventSchema CURRENT = EventSchema.current();

    @Test
    void wordsCutsLinesAsTheRegularExpressionDid() {
        java.util.Random random = new java.util.Random(20261128L);
        String alphabet = "  ab?.:1";
        for (int n = 0; n < 5000; n++) {
            StringBuilder sb = new StringBuilder();
            for (int i = random.nextInt(12); i > 0; i--) {
                sb.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            String line = random.nextBoolean() ? sb.toString().trim() : sb.toString();
            assertThat(ConversionTable.words(line)).as("'%s'", line).containsExactly(line.split(" +"));
        }
    }

    @Test
    void typeNumbersAreTheEventTypesConstants() throws IllegalAccessException {
        ConversionTable.TypeNumbers numbers = new ConversionTable.TypeNumbers();
        int checked = 0;
        for (java.lang.reflect.Field f : EventTypes.class.getFields()) {
            if (f.getType() == int.class) {
                assertThat(numbers.of(f.getName())).as(f.getName()).isEqualTo(f.getInt(null));
                assertThat(numbers.of(f.getName())).as("again " + f.getName()).isEqualTo(f.getInt(null));
                checked++;
            }
        }
        assertThat(checked).isGreaterThan(450);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> numbers.of("NO_SUCH_EVENT"))
                .hasMessage("unknown event type NO_SUCH_EVENT");
    }

    @Test
    void holdsEveryEntryOfLibscapsTable() {
        // table.cpp at libs 48dfd53c: 253 keys, 541 instructions.
        assertThat(TABLE.entries()).hasSize(253);
        assertThat(TABLE.entries().stream().mapToInt(c -> c.instructions().size()).sum()).isEqualTo(541);
    }

    @Test
    void everyConversionFitsTheTargetLayout() {
        List<String> bad = new ArrayList<>();
        for (Conversion c : TABLE.entries()) {
            int produced = c.instructions().size() + (c.action() == Action.ADD_PARAMS ? c.nparams() : 0);
            EventInfo target = CURRENT.info(c.targetType());
            boolean builds = c.action() == Action.ADD_PARAMS || c.action() == Action.CHANGE_TYPE;
            if (builds && produced > target.nparams()) {
                bad.add(c.toString());
            }
        }
        assertThat(bad).isEmpty();
    }

    @Test
    void typedDefaultsAreOnlyAskedForTypesWithAKnownSize() {
        List<String> bad = new ArrayList<>();
        for (Conversion c : TABLE.entries()) {
            int first = c.action() == Action.ADD_PARAMS ? c.nparams() : 0;
            for (int i = 0; i < c.instructions().size(); i++) {
                Instruction in = c.instructions().get(i);
                boolean mayDefault = in.source() == Source.DEFAULT || (in.source() == Source.ENTER && !in.fallbackToEmpty());
                ParamType t = CURRENT.info(c.targetType()).params().get(first + i).type();
                if (mayDefault && ParamWriter.minLength(t) < 0) {
                    bad.add(c.type() + "/" + c.nparams() + " param " + (first + i) + " " + t);
                }
            }
        }
        assertThat(bad).isEmpty();
    }

    @Test
    void every2022LayoutOfAManagedExitHasAConversion() {
        EventSchema legacy = EventSchema.legacy2022();
        List<String> missing = new ArrayList<>();
        for (int type = 1; type < legacy.size(); type += 2) {
            EventInfo now = CURRENT.info(type);
            EventInfo then = legacy.info(type);
            if (now.isConverterManaged() && !then.isUnused() && (now.isOldVersion() || then.nparams() != now.nparams())
                    && TABLE.find(type, then.nparams()) == null) {
                missing.add(now.name() + "_X/" + then.nparams());
            }
        }
        assertThat(missing).isEmpty();
    }

    @Test
    void lookupOfAnUncoveredKeyIsNull() {
        assertThat(TABLE.find(EventTypes.SYSCALL_READ_X, 9)).isNull();
        assertThat(TABLE.find(9999, 1)).isNull();
    }
}
