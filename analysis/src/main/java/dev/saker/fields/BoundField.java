package dev.saker.fields;

/** A field resolved from its text form, with its bracket argument (or null), ready to evaluate. */
public record BoundField(Field field, String arg, String text) {
    public Object extract(EventContext ctx) {
        return field.extractor().extract(ctx, arg);
    }

    public FieldType type() {
        return field.type();
    }
}
