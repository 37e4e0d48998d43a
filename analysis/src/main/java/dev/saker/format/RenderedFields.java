package dev.saker.format;

import dev.saker.fields.EventContext;
import dev.saker.fields.ByteValue;
import dev.saker.fields.Field;
import dev.saker.fields.FieldRegistry;
import dev.saker.fields.FieldType;
import dev.saker.fields.LibsEdition;
import dev.saker.scap.RawEvent;

/**
 * The fields whose values are renderings: evt.args and evt.info, an event's arguments as sysdig
 * prints them ({@link EventArgs}), resolved against the state after the event. They live here
 * because the field layer sits below rendering; {@link #registry()} is every field including them.
 */
public final class RenderedFields {
    private static final FieldRegistry ALL = FieldRegistry.standard().with(
            new Field("evt.args", FieldType.STRING, Field.Argument.NONE, "all event arguments, as sysdig prints them",
                    RenderedFields::args, RenderedFields::appendArgs),
            new Field("evt.info", FieldType.STRING, Field.Argument.NONE,
                    "the event's arguments (for syscalls the same as evt.args)", RenderedFields::args,
                    RenderedFields::appendArgs),
            new Field("evt.arg", FieldType.STRING, Field.Argument.REQUIRED,
                    "one argument as sysdig prints it, by name (evt.arg.flags) or position (evt.arg[0])",
                    RenderedFields::arg),
            new Field("evt.buffer", FieldType.BYTES, Field.Argument.NONE,
                    "the data buffer of I/O events (read, write, sendto ...), for bcontains/bstartswith",
                    RenderedFields::buffer));

    private RenderedFields() {
    }

    /** Every field: the field layer's and the rendered ones. */
    public static FieldRegistry registry() {
        return ALL;
    }

    private static Object args(EventContext c, String arg) {
        return EventArgs.of(c.raw(), new StateArgContext(c.state()).on(c.thread()));
    }

    /** Current libs read the event in the current schema (old layouts converted); 2022's read it as recorded. */
    private static Object arg(EventContext c, String name) {
        RawEvent e = c.edition() == LibsEdition.CURRENT && c.current() != null ? c.current() : c.raw();
        String known = EventArgs.knownFlagText(e, name);
        return known != null ? known : EventArgs.one(e, new StateArgContext(c.state()).on(c.thread()), name);
    }

    /** evt.buffer: the event's "data" parameter, missing for events without one. */
    private static Object buffer(EventContext c, String arg) {
        RawEvent e = c.edition() == LibsEdition.CURRENT && c.current() != null ? c.current() : c.raw();
        if (e.info() == null) {
            return null;
        }
        int i = e.info().paramIndex("data");
        if (i < 0 || i >= e.nparams()) {
            return null;
        }
        Object text = EventArgs.one(e, new StateArgContext(c.state()).on(c.thread()), "data");
        return new ByteValue(e.bytes(i), text == null ? "" : text.toString());
    }

    private static boolean appendArgs(EventContext c, String arg, StringBuilder out) {
        EventArgs.append(out, c.raw(), new StateArgContext(c.state()).on(c.thread()));
        return true;
    }

    /** Whether the field is a rendering that JSON output writes without sysdig's text-mode buffer cut. */
    static boolean isRendered(Field f) {
        return f.name().equals("evt.args") || f.name().equals("evt.info");
    }

    /** The arguments with buffers in full, as sysdig's -j writes them. */
    static String argsInFull(EventContext c) {
        StringBuilder out = new StringBuilder();
        EventArgs.append(out, c.raw(), new StateArgContext(c.state()).on(c.thread()), 0);
        return out.toString();
    }
}
