package dev.saker.format;

/**
 * One parameter rendered as libsinsp's get_param_as_str gives it: the raw text and the resolved text
 * ("" when there is none). The args line shows {@code raw(resolved)} or just {@code raw}.
 */
record ParamText(String raw, String resolved) {

    static ParamText of(String raw) {
        return new ParamText(raw, "");
    }

    static ParamText of(String raw, String resolved) {
        return new ParamText(raw, resolved == null ? "" : resolved);
    }

    void appendTo(StringBuilder out) {
        out.append(raw);
        if (!resolved.isEmpty()) {
            out.append('(').append(resolved).append(')');
        }
    }
}
