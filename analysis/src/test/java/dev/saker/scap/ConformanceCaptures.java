package dev.saker.scap;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;

/** Locates ../shared/conformance; tests that need it skip with a printed reason when it is absent. */
public final class ConformanceCaptures {
    private ConformanceCaptures() {
    }

    public static Path root() {
        Path p = Path.of(System.getProperty("saker.conformance", "../../shared/conformance")).toAbsolutePath().normalize();
        if (!Files.isDirectory(p)) {
            p = Path.of("../shared/conformance").toAbsolutePath().normalize();
        }
        return p;
    }

    /** The conformance folder, or a skipped test (with the reason printed) when it is absent. */
    public static Path requireRoot() {
        Path p = root();
        if (!Files.isDirectory(p)) {
            String reason = "skipped: conformance material not found at " + p + " (expected ../shared/conformance)";
            System.out.println(reason);
            Assumptions.abort(reason);
        }
        return p;
    }

    /** Every .scap file under captures/, sorted. */
    /** Every .scap file under captures/, sorted; skips the calling test when the material is absent. */
    public static List<Path> captures() {
        Path root = requireRoot();
        try (Stream<Path> s = Files.walk(root.resolve("captures"))) {
            return s.filter(f -> f.toString().endsWith(".scap")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Path capture(String relative) {
        return requireRoot().resolve("captures").resolve(relative);
    }
}
