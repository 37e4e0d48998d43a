package dev.saker.rules;

/**
 * One error or warning of a load. {@code deprecatedField} is set only for warnings about a
 * deprecated field (Falco adds it to the JSON and words the text differently).
 */
public record LoadProblem(LoadCode code, String message, LoadContext context, String deprecatedField) {
    public LoadProblem(LoadCode code, String message, LoadContext context) {
        this(code, message, context, null);
    }

    public boolean isError() {
        return code.isError();
    }

    /** Type of the innermost location that names an item (rule, macro, list, ...). */
    public Location item() {
        for (int i = context.locations().size() - 1; i >= 0; i--) {
            Location l = context.locations().get(i);
            if (!l.itemName().isEmpty()) {
                return l;
            }
        }
        return context.innermost();
    }
}
