package dev.saker.scap;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.List;

/** Renders every field of a metadata entry (arrays by content) so large lists compare quickly and diff readably. */
final class FieldDump {
    private FieldDump() {
    }

    static String of(Object o) {
        StringBuilder sb = new StringBuilder(o.getClass().getSimpleName()).append('{');
        for (Field f : o.getClass().getDeclaredFields()) {
            if (Modifier.isStatic(f.getModifiers())) {
                continue;
            }
            f.setAccessible(true);
            try {
                Object v = f.get(o);
                sb.append(f.getName()).append('=').append(v instanceof byte[] b ? Arrays.toString(b) : v).append(' ');
            } catch (IllegalAccessException e) {
                throw new IllegalStateException(e);
            }
        }
        return sb.append('}').toString();
    }

    static List<String> of(List<?> list) {
        return list.stream().map(FieldDump::of).toList();
    }
}
