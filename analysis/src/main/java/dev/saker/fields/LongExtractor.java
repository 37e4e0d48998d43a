package dev.saker.fields;

/**
 * A numeric field's value as a primitive, for the filter's numeric checks: a boxed Long above 127
 * is an allocation per event, and rules test numbers such as evt.num, fd.num and user.uid on every
 * event of their types. {@link #NA} stands for a missing value (no field yields Long.MIN_VALUE).
 * Its {@link Extractor} form boxes the same value, for output and other callers.
 */
public interface LongExtractor extends Extractor {
    long NA = Long.MIN_VALUE;

    long extractLong(EventContext ctx, String arg);

    @Override
    default Object extract(EventContext ctx, String arg) {
        long v = extractLong(ctx, arg);
        return v == NA ? null : (Object) v;
    }
}
