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

    public FieldType type() {
        return field.type();
    }
}
