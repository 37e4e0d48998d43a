package dev.saker.rules;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * What loading one rules file gave: its errors and warnings in the order they arose. A load is
 * successful when it has no error. The renderings follow Falco's validate output.
 */
public final class LoadResult {
    private final String name;
    private final List<LoadProblem> errors = new ArrayList<>();
    private final List<LoadProblem> warnings = new ArrayList<>();

    public LoadResult(String name) {
        this.name = name;
    }

    void add(LoadProblem p) {
        (p.isError() ? errors : warnings).add(p);
    }

    void warn(LoadCode code, String message, LoadContext ctx) {
        add(new LoadProblem(code, message, ctx));
    }

    public String name() {
        return name;
    }

    public boolean successful() {
        return errors.isEmpty();
    }

    public List<LoadProblem> errors() {
        return Collections.unmodifiableList(errors);
    }

    public List<LoadProblem> warnings() {
        return Collections.unmodifiableList(warnings);
    }

    /** Falco's verbose text: the verdict line, then each error and warning with context and caret. */
    public String asText(Map<String, String> contents) {
        StringBuilder b = new StringBuilder();
        if (!name.isEmpty()) {
            b.append(name).append(": ");
        }
        b.append(successful() ? (warnings.isEmpty() ? "Ok" : "Ok, with warnings") : "Invalid");
        block(b, "Errors", errors, contents);
        block(b, "Warnings", warnings, contents);
        return b.toString();
    }

    private static void block(StringBuilder b, String title, List<LoadProblem> ps, Map<String, String> contents) {
        if (ps.isEmpty()) {
            return;
        }
        b.append("\n").append(ps.size()).append(' ').append(title).append(":\n");
        for (LoadProblem p : ps) {
            b.append(p.context().asText()).append("------\n").append(Snippet.of(p.context(), contents))
                    .append("------\n").append(p.code().name()).append(" (").append(shortText(p)).append("): ")
                    .append(p.message()).append('\n');
        }
    }

    private static String shortText(LoadProblem p) {
        return p.deprecatedField() == null ? p.code().shortText()
                : p.code().shortText() + ": field '" + p.deprecatedField() + "'";
    }

    /** One entry of Falco's "falco_load_results" array. */
    public Map<String, Object> toJson(Map<String, String> contents) {
        Map<String, Object> j = JsonText.object();
        j.put("name", name);
        j.put("successful", successful());
        j.put("errors", problems(errors, contents));
        j.put("warnings", problems(warnings, contents));
        return j;
    }

    private static List<Object> problems(List<LoadProblem> ps, Map<String, String> contents) {
        List<Object> out = new ArrayList<>();
        for (LoadProblem p : ps) {
            Map<String, Object> ctx = JsonText.object();
            List<Object> locs = new ArrayList<>();
            for (Location l : p.context().locations()) {
                Map<String, Object> pos = JsonText.object();
                pos.put("name", l.position().name());
                pos.put("line", l.position().line());
                pos.put("column", l.position().column());
                pos.put("offset", l.position().offset());
                Map<String, Object> loc = JsonText.object();
                loc.put("item_type", l.itemType().text());
                loc.put("item_name", l.itemName());
                loc.put("position", pos);
                locs.add(loc);
            }
            ctx.put("locations", locs);
            ctx.put("snippet", Snippet.of(p.context(), contents));
            Map<String, Object> j = JsonText.object();
            j.put("context", ctx);
            j.put("code", p.code().name());
            j.put("codedesc", p.code().codeDescription());
            j.put("message", p.message());
            if (p.deprecatedField() != null) {
                j.put("deprecated_field", p.deprecatedField());
            }
            out.add(j);
        }
        return out;
    }
}
