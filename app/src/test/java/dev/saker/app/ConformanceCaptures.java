package dev.saker.app;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;

/** Locates ../shared/conformance for app tests; tests that need it skip with a printed reason when it is absent. */
final class ConformanceCaptures {
    private ConformanceCaptures() {
    }

    static Path root() {
        Path p = Path.of(System.getProperty("saker.conformance", "../../shared/conformance")).toAbsolutePath().normalize();
        if (!Files.isDirectory(p)) {
            p = Path.of("../shared/conformance").toAbsolutePath().normalize();
        }
        return p;
    }

    /** The conformance folder, or a skipped test (with the reason printed) when it is absent. */
    static Path requireRoot() {
        Path p = root();
        if (!Files.isDirectory(p)) {
            String reason = "skipped: conformance material not found at " + p + " (expected ../shared/conformance)";
            System.out.println(reason);
            Assumptions.abort(reason);
        }
        return p;
    }

    /** Every .scap file under captures/, sorted. */
    static List<Path> captures() {
        Path root = requireRoot();
        try (Stream<Path> s = Files.walk(root.resolve("captures"))) {
            return s.filter(f -> f.toString().endsWith(".scap")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Path capture(String relative) {
        return requireRoot().resolve("captures").resolve(relative);
    }
}
