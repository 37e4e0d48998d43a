package dev.saker.ui.rules;

import dev.saker.rules.RulesSource;
import dev.saker.ui.main.MainWindow;
import dev.saker.ui.main.RecentFiles;
import dev.saker.ui.main.TaskRunner;
import dev.saker.ui.main.WorkbenchModel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.function.BooleanSupplier;
import javafx.application.Platform;
import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.scene.control.TabPane;
import javafx.stage.Stage;

/**
 * Puts a real workbench window (the platform's glass, e.g. under Xvfb) into the state a screenshot of
 * the rules editor or the rule debugger shows, prints READY and waits to be killed; tools/rules-screenshots.sh
 * takes the picture. Not a test: it only stages the views.
 *
 * <p>Usage: RulesScreenshots editor|debugger CAPTURE
 */
public final class RulesScreenshots {
    static final String RULES = """
            # Custom rules for curl_google.scap: curl loading shared libraries
            - list: library_dirs
              items: [/usr/lib, /lib, "/usr/local/lib"]

            - macro: opened_file
              condition: evt.type in (open, openat) and evt.rawres >= 0

            - rule: Curl Loads Library From usr
              desc: curl opened a shared library under /usr/lib
              condition: >
                opened_file and proc.name = curl
                and fd.name startswith /usr/lib
                and not fd.name pmatch (library_dirs)
              output: "curl loaded %fd.name (pid=%proc.pid)"
              priority: NOTICE
              tags: [filesystem, saker_demo]
            """;

    public static void main(String[] args) throws Exception {
        String mode = args[0];
        Path capture = Path.of(args[1]);
        Path rules = Files.createTempDirectory("saker-shot").resolve("custom_rules.yaml");
        rules.toFile().deleteOnExit();
        Files.writeString(rules, mode.equals("editor") ? RULES
                : RULES.replace("\n    and not fd.name pmatch (library_dirs)", ""));
        String text = Files.readString(rules);
        CountDownLatch shown = new CountDownLatch(1);
        WorkbenchModel[] model = new WorkbenchModel[1];
        MainWindow[] window = new MainWindow[1];
        Platform.startup(() -> {
            model[0] = new WorkbenchModel(TaskRunner.background(), new RecentFiles(null));
            window[0] = new MainWindow(model[0]);
            Stage stage = new Stage();
            window[0].show(stage);
            stage.setX(0);
            stage.setY(0);
            model[0].setRules(List.of(new RulesSource(rules.toString(), text)));
            model[0].open(capture);
            shown.countDown();
        });
        shown.await();
        waitFor(() -> model[0].ruleResultProperty().get() != null && !model[0].rulesRunningProperty().get());
        TabPane workspace = window[0].workspace();
        RulesTabs tabs = window[0].rulesTabs();
        if (mode.equals("editor")) {
            fx(() -> {
                workspace.getSelectionModel().select(tabs.tabs().get(0));
                // more room for the editor than for the table: the details shrink, the timeline keeps the
                // usual share (any less and its right axis label is cut off)
                window[0].centreSplit().setDividerPositions(0.22, 0.9);
                var area = tabs.editor().area();
                int at = area.getText().indexOf("proc.name = curl");
                area.replaceText(at, at + "proc.name".length(), "proc.nmae");
            });
            waitFor(() -> !tabs.editor().viewModel().marksProperty().get().isEmpty());
            Thread.sleep(500);
            fx(() -> {
                var area = tabs.editor().area();
                int bad = area.getText().indexOf("proc.nmae");
                Bounds b = area.getCharacterBoundsOnScreen(bad, bad + 9).orElseThrow();
                tabs.editor().showHover(String.join("\n", tabs.editor().viewModel().messagesAt(bad + 1)),
                        new Point2D(b.getMinX(), b.getMaxY()));
            });
        } else {
            fx(() -> {
                workspace.getSelectionModel().select(tabs.tabs().get(1));
                window[0].sidePanes().getSelectionModel().select(1);
                window[0].centreSplit().setDividerPositions(0.22, 0.75);
            });
            RuleDebuggerViewModel vm = tabs.debugger().viewModel();
            waitFor(() -> vm.scanProperty().get() != null);
            fx(vm::nextMatch);
            waitFor(() -> vm.currentProperty().get() != null);
            fx(vm::nextNearMiss);
            waitFor(() -> vm.currentProperty().get() != null && !vm.currentProperty().get().explanation().matched());
            fx(() -> {
                var root = tabs.debugger().tree().getRoot();
                // show one macro expanded in place
                root.getChildren().stream().filter(i -> i.getValue().label().startsWith("macro ")).findFirst()
                        .ifPresent(i -> i.setExpanded(true));
                tabs.debugger().tree().getSelectionModel().clearSelection();
            });
        }
        Thread.sleep(1500);
        System.out.println("READY");
        System.out.flush();
        Thread.sleep(600_000);
    }

    static void fx(Runnable r) throws InterruptedException {
        CountDownLatch done = new CountDownLatch(1);
        Platform.runLater(() -> {
            try {
                r.run();
            } finally {
                done.countDown();
            }
        });
        done.await();
    }

    static void waitFor(BooleanSupplier cond) throws InterruptedException {
        long end = System.currentTimeMillis() + 60_000;
        while (System.currentTimeMillis() < end) {
            boolean[] ok = {false};
            fx(() -> ok[0] = cond.getAsBoolean());
            if (ok[0]) {
                return;
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("timed out staging the screenshot");
    }
}
