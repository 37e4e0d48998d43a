package dev.saker.fields;

import static org.assertj.core.api.Assertions.assertThat;

import dev.saker.scap.EventTypes;
import dev.saker.scap.RawEvent;
import dev.saker.scap.SyntheticEvent;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The names fd fields build from an event's bytes are remembered by directory identity, kind and
 * the parameter's bytes up to its NUL (all of them for tuples): a seeded loop over random
 * parameters, directories equal in text but not in identity, and trailing bytes after the NUL,
 * checking that a lookup only ever answers the name built from exactly the same inputs.
 */
class CreatorNamesTest {
    private static final byte[] ALPHABET = "/a.b\0\u00e9".getBytes(java.nio.charset.StandardCharsets.UTF_8);

    @Test
    void aLookupAnswersOnlyTheNameBuiltFromTheSameInputs() {
        Random random = new Random(20261128L);
        // two directories with the same text: a name joined to one is not the other's
        String[] dirs = {"/home/u/", new String("/home/u/"), "/tmp/", null};
        Map<String, String> built = new HashMap<>();
        for (int round = 0; round < 20_000; round++) {
            byte[] param = new byte[random.nextInt(12)];
            for (int i = 0; i < param.length; i++) {
                param[i] = random.nextInt(8) == 0 ? (byte) random.nextInt(256) : ALPHABET[random.nextInt(ALPHABET.length)];
            }
            int kind = random.nextInt(4);
            int d = random.nextInt(dirs.length);
            RawEvent e = SyntheticEvent.of(EventTypes.SYSCALL_OPEN_X).u64(0).raw(param).toRaw();
            int end = param.length;
            if (kind != CreatorNames.TUPLE) {
                for (int i = 0; i < param.length; i++) {
                    if (param[i] == 0) {
                        end = i;
                        break;
                    }
                }
            }
            String key = kind + "|" + d + "|" + Arrays.toString(Arrays.copyOf(param, end));
            String found = CreatorNames.find(kind, dirs[d], e, 1);
            if (found != null) {
                assertThat(found).as("name found for " + key).isSameAs(built.get(key));
            } else {
                String name = "name " + round;
                assertThat(CreatorNames.remember(kind, dirs[d], e, 1, name)).isSameAs(name);
                assertThat(CreatorNames.find(kind, dirs[d], e, 1)).isSameAs(name);
                built.put(key, name);
            }
        }
        assertThat(built.size()).as("distinct inputs seen").isGreaterThan(1_000);
    }
}
