package dev.saker.rules;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * One rules text and the name its problems are reported under. {@link #expand} turns command-line
 * paths into sources in Falco's order: a file as it is, a directory as its *.yaml/*.yml files in
 * sorted name order, and a Helm values file (a mapping with {@code customRules:} from file names to
 * rules text) as each embedded file, in sorted name order because the chart mounts them into
 * rules.d, which Falco reads sorted.
 */
public record RulesSource(String name, String content) {

    public static List<RulesSource> expand(List<Path> paths) throws IOException {
        List<RulesSource> out = new ArrayList<>();
        for (Path p : paths) {
            if (Files.isDirectory(p)) {
                List<Path> files;
                try (Stream<Path> s = Files.list(p)) {
                    files = s.filter(f -> Files.isRegularFile(f)
                            && (f.toString().endsWith(".yaml") || f.toString().endsWith(".yml"))).sorted().toList();
                }
                for (Path f : files) {
                    out.add(read(f));
                }
            } else {
                RulesSource file = read(p);
                List<RulesSource> embedded = helmCustomRules(file);
                out.addAll(embedded.isEmpty() ? List.of(file) : embedded);
            }
        }
        return out;
    }

    private static RulesSource read(Path p) throws IOException {
        return new RulesSource(p.toString(), Files.readString(p, StandardCharsets.UTF_8));
    }

    /** The embedded rules files of a Helm values file, or nothing when this is not one. */
    static List<RulesSource> helmCustomRules(RulesSource file) {
        return HelmValues.sources(file.name(), file.content());
    }
}
