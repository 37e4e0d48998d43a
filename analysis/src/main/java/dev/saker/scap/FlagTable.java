package dev.saker.scap;

import java.util.List;

/**
 * A named table of flag or enum values (libscap's ppm_name_value arrays), in table order, which is
 * the order libsinsp prints matching names in.
 */
public record FlagTable(String name, List<String> names, long[] values) {

    /** The single name whose value equals {@code value}, or null (enum flags). */
    public String nameOf(long value) {
        for (int i = 0; i < values.length; i++) {
            if (values[i] == value) {
                return names.get(i);
            }
        }
        return null;
    }
}
