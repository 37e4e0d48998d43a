package dev.saker.rules;

/**
 * The first error of a load, thrown inside the reader and compiler to stop at once (Falco stops a
 * file at its first error) and caught at the stage boundary, where it becomes a LoadProblem value.
 */
final class RuleLoadException extends Exception {
    private final LoadCode code;
    private final LoadContext context;

    RuleLoadException(LoadCode code, String message, LoadContext context) {
        super(message, null, false, false);
        this.code = code;
        this.context = context;
    }

    LoadProblem problem() {
        return new LoadProblem(code, getMessage(), context);
    }

    static void check(boolean failed, LoadCode code, String message, LoadContext context) throws RuleLoadException {
        if (failed) {
            throw new RuleLoadException(code, message, context);
        }
    }
}
