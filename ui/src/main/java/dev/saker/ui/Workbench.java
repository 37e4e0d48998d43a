package dev.saker.ui;

import dev.saker.rules.RulesSource;
import java.nio.file.Path;
import java.util.List;
import javafx.application.Application;

/**
 * Starts the workbench. Not an Application itself: with JavaFX on the class path (not the module
 * path) the JavaFX launcher refuses a main class that extends Application, so this class hands the
 * options to {@link WorkbenchApp} and launches it.
 */
public final class Workbench {
    /** What the window opens with: a capture (or null) and the rules to run over it. */
    public record Options(Path capture, List<RulesSource> rules) {
        public Options {
            rules = List.copyOf(rules);
        }
    }

    private static volatile Options options = new Options(null, List.of());

    private Workbench() {
    }

    /** Blocks until the window is closed. */
    public static void launch(Options opts) {
        options = opts;
        Application.launch(WorkbenchApp.class);
    }

    static Options options() {
        return options;
    }
}
