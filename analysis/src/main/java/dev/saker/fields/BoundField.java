package dev.saker.fields;

/** A field resolved from its text form, with its bracket argument (or null), ready to evaluate. */
public record BoundField(Field field, String arg, String text) {
    public Object extract(EventContext ctx) {
        return field.extractor().extract(ctx, arg);
    }

    /** The value as text output shows it, or null when missing. */
    public String text(EventContext ctx) {
        Object v = extract(ctx);
        if (v == null) {
            return null;
        }
        return field.type() == FieldType.TIME && v instanceof Long ts ? EvtFields.time(ts, false) : v.toString();
    }

    /**
     * Appends the value as text output shows it; false (nothing appended) when it is missing. Numbers
     * and times go straight into the line, and fields with their own appender (renderings) skip the
     * intermediate value entirely: this is the per-event path of every printed line.
     */
    public boolean appendText(EventContext ctx, StringBuilder out) {
        if (field.appender() != null) {
            return field.appender().append(ctx, arg, out);
        }
        Object v = extract(ctx);
        if (v == null) {
            return false;
        }
        if (v instanceof Long n) {
            if (field.type() == FieldType.TIME) {
                EvtFields.appendTime(out, n, false);
            } else {
                out.append(n.longValue());
            }
        } else if (v instanceof String str) {
            out.append(str);
        } else {
            out.append(v);
        }
        return true;
    }

    public FieldType type() {
        return field.type();
    }
}
