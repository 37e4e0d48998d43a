package dev.saker.rules;

import dev.saker.fields.FieldRegistry;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Checks one edited rules file in the company of the other loaded files (in load order, the edited
 * one in its place), as the editor does while the user types: every error and warning the loader
 * gives, those of the edited file with the range they cover in its text, and the macro and list names
 * all the files define (for highlighting and completion).
 */
public final class RulesCheck {

    /** A problem of the edited file and where it sits in its text. */
    public record Mark(LoadProblem problem, ProblemRange range) {
        public boolean error() {
            return problem.isError();
        }

        /** The message as the editor shows it on hover: code, short description, message. */
        public String text() {
            return (error() ? "Error " : "Warning ") + problem.code().name() + ": "
                    + (problem.message().isEmpty() ? problem.code().codeDescription() : problem.message());
        }
    }

    /** What the check found: marks in the edited file, problems of other files as text, rules that loaded. */
    public record Outcome(List<Mark> marks, List<String> elsewhere, int rules, Set<String> macros, Set<String> lists) {
        public boolean successful() {
            return marks.stream().noneMatch(Mark::error) && elsewhere.isEmpty();
        }
    }

    private RulesCheck() {
    }

    /** {@code sources} with the one named {@code editedName} replaced by {@code editedText} (appended when absent). */
    public static Outcome check(List<RulesSource> sources, String editedName, String editedText, FieldRegistry fields) {
        List<RulesSource> all = withEdited(sources, editedName, editedText);
        RuleLoader loader = new RuleLoader(fields);
        List<LoadResult> results = loader.loadAll(all);
        List<Mark> marks = new ArrayList<>();
        List<String> elsewhere = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (LoadResult r : results) {
            List<LoadProblem> ps = new ArrayList<>(r.errors());
            ps.addAll(r.warnings());
            for (LoadProblem p : ps) {
                Position at = p.context().innermost().position();
                // later files repeat the whole ruleset's compile problems: show each once
                if (!seen.add(p.code() + "|" + p.message() + "|" + p.context().fileName() + "|" + at.offset())) {
                    continue;
                }
                if (p.context().fileName().equals(editedName)) {
                    marks.add(new Mark(p, ProblemRange.of(p, editedText)));
                } else {
                    elsewhere.add(p.context().fileName() + ":" + (at.line() + 1) + ": " + p.code().name() + " "
                            + p.message());
                }
            }
        }
        Set<String> macros = new LinkedHashSet<>();
        Set<String> lists = new LinkedHashSet<>();
        for (RulesSource s : all) {
            RulesTokenizer.Names n = RulesTokenizer.definedNames(s.content());
            macros.addAll(n.macros());
            lists.addAll(n.lists());
        }
        boolean ok = results.stream().allMatch(LoadResult::successful);
        return new Outcome(List.copyOf(marks), List.copyOf(elsewhere), ok ? loader.rules().size() : 0, macros, lists);
    }

    public static List<RulesSource> withEdited(List<RulesSource> sources, String editedName, String editedText) {
        List<RulesSource> all = new ArrayList<>();
        boolean replaced = false;
        for (RulesSource s : sources) {
            if (s.name().equals(editedName)) {
                all.add(new RulesSource(editedName, editedText));
                replaced = true;
            } else {
                all.add(s);
            }
        }
        if (!replaced) {
            all.add(new RulesSource(editedName, editedText));
        }
        return all;
    }
}
