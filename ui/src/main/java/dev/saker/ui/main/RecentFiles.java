package dev.saker.ui.main;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The captures opened last, newest first, kept in a small text file (one path a line) so that the
 * list survives restarts. A file that cannot be written only loses the list, never the session.
 */
public final class RecentFiles {
    static final int MAX = 10;

    private final Path store;
    private final ObservableList<Path> paths = FXCollections.observableArrayList();

    public RecentFiles(Path store) {
        this.store = store;
        if (store != null && Files.isRegularFile(store)) {
            try {
                for (String line : Files.readAllLines(store, StandardCharsets.UTF_8)) {
                    if (!line.isBlank() && paths.size() < MAX) {
                        paths.add(Path.of(line));
                    }
                }
            } catch (IOException | RuntimeException e) {
                // an unreadable list starts empty
            }
        }
    }

    /** ~/.config/saker/recent-captures, or the file named by the system property saker.recent. */
    public static RecentFiles standard() {
        String override = System.getProperty("saker.recent");
        if (override != null) {
            return new RecentFiles(override.isEmpty() ? null : Path.of(override));
        }
        return new RecentFiles(Path.of(System.getProperty("user.home"), ".config", "saker", "recent-captures"));
    }

    public ObservableList<Path> paths() {
        return paths;
    }

    void add(Path capture) {
        Path p = capture.toAbsolutePath().normalize();
        paths.remove(p);
        paths.add(0, p);
        while (paths.size() > MAX) {
            paths.remove(paths.size() - 1);
        }
        if (store == null) {
            return;
        }
        try {
            Files.createDirectories(store.getParent());
            List<String> lines = new ArrayList<>();
            paths.forEach(x -> lines.add(x.toString()));
            Files.write(store, lines, StandardCharsets.UTF_8);
        } catch (IOException e) {
            // the list is a convenience; failing to save it must not disturb opening the capture
        }
    }
}
