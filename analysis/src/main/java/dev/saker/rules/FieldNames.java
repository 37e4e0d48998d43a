package dev.saker.rules;

import dev.saker.fields.Field;
import dev.saker.fields.FieldRegistry;

/**
 * Whether a field reference names a known field, with libsinsp's two argument forms:
 * {@code proc.aname[2]} and the dotted {@code evt.arg.flags} / {@code container.label.x}.
 */
final class FieldNames {
    private FieldNames() {
    }

    static boolean exists(FieldRegistry fields, String text) {
        if (fields.resolve(text) != null || fields.get(text) != null) {
            return true;
        }
        var prefix = fields.resolvePrefix(text, 0);
        return prefix != null && prefix.field().argument() != Field.Argument.NONE
                && text.length() > prefix.text().length() && text.charAt(prefix.text().length()) == '.';
    }

    static boolean exists(FieldRegistry fields, String name, String arg) {
        return arg == null ? exists(fields, name) : exists(fields, name + "[" + arg + "]") || fields.get(name) != null;
    }
}
