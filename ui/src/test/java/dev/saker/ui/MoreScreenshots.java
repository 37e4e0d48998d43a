package dev.saker.ui;

import dev.saker.rules.RulesSource;
import dev.saker.scap.ConformanceCaptures;
import dev.saker.ui.main.MainWindow;
import dev.saker.ui.main.RecentFiles;
import dev.saker.ui.main.TaskRunner;
import dev.saker.ui.main.WorkbenchModel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.stage.Stage;

/**
 * Not a test: like {@link ScreenshotTour}, for the views added after it (follow fd stream, marks,
 * debugging a detection). Run under Xvfb: {@code DISPLAY=:97 java -cp ... dev.saker.ui.MoreScreenshots OUTDIR}.
 * Marks stay in the session (no sidecar next to the shared captures).
 */
public final class MoreScreenshots {
    private static Path out;
    private static WorkbenchModel model;
    private static MainWindow window;

    public static void main(String[] args) {
        out = Path.of(args.length > 0 ? args[0] : "docs/screenshots");
        new Thread(MoreScreenshots::tour, "tour").start();
        Application.launch(App.class);
    }

    public static final class App extends Application {
        @Override
        public void start(Stage stage) {
            model = new WorkbenchModel(TaskRunner.background(), new RecentFiles(null));
            window = new MainWindow(model);
            window.show(stage);
            stage.setX(0);
            stage.setY(0);
        }
    }

    private static <T> T fx(Callable<T> c) throws Exception {
        CompletableFuture<T> f = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                f.complete(c.call());
            } catch (Exception e) {
                f.completeExceptionally(e);
            }
        });
        return f.get();
    }

    private static void idle() throws Exception {
        for (int i = 0; i < 600; i++) {
            boolean busy = fx(() -> model == null || model.indexingProperty().get() || model.rulesRunningProperty().get()
                    || model.filteringProperty().get() || window.stream().viewModel().followingProperty().get());
            if (!busy) {
                break;
            }
            Thread.sleep(100);
        }
        Thread.sleep(1200);
    }

    private static void shot(String name) throws Exception {
        idle();
        Files.createDirectories(out);
        Path png = out.resolve(name + ".png");
        new ProcessBuilder("import", "-window", "root", png.toString()).inheritIO().start().waitFor();
        new ProcessBuilder("convert", png.toString(), "+dither", "-colors", "128", png.toString()).inheritIO().start().waitFor();
        System.out.println("saved " + png);
    }

    private static int firstRow(String type, String infoPart) throws Exception {
        return fx(() -> {
            var rows = model.rowsProperty().get();
            for (int i = 0; i < rows.index().size(); i++) {
                var r = rows.row(i);
                if (r.type().equals(type) && r.info().contains(infoPart)) {
                    return i;
                }
            }
            return -1;
        });
    }

    private static void tour() {
        try {
            while (model == null) {
                Thread.sleep(100);
            }
            Path root = ConformanceCaptures.root();
            Path curl = root.resolve("captures/libs/curl_google.scap");
            Path legacy = root.resolve("falco-legacy");

            fx(() -> {
                model.open(curl);
                return null;
            });
            idle();
            int sendto = firstRow("sendto", "2004:80");
            fx(() -> {
                model.select(sendto);
                window.followSelected();
                return null;
            });
            shot("fd-stream");

            int dns = firstRow("sendto", "::8888:53");
            int connect = firstRow("connect", "2004:80");
            fx(() -> {
                window.workspace().getSelectionModel().select(0);
                window.sidePanes().getSelectionModel().select(2);
                var marks = window.marks().viewModel();
                var idx = model.indexProperty().get();
                marks.comment(idx.number(dns), "DNS query for www.google.com");
                marks.comment(idx.number(connect - 1), "connects to Google over IPv6, port 80");
                model.select(connect);
                marks.toggleSelected();
                model.select(sendto);
                marks.toggleSelected();
                window.marks().list().getSelectionModel().select(1);
                return null;
            });
            shot("marks");

            List<RulesSource> rules = RulesSource.expand(List.of(legacy.resolve("rules/single_rule.yaml"),
                    legacy.resolve("rules/double_rule.yaml")));
            fx(() -> {
                model.setRules(rules);
                model.open(legacy.resolve("trace_files/cat_write.scap"));
                return null;
            });
            idle();
            fx(() -> {
                window.sidePanes().getSelectionModel().select(1);
                var tree = window.detections().tree();
                var group = tree.getRoot().getChildren().get(1);
                group.setExpanded(true);
                tree.getSelectionModel().select(group.getChildren().get(2));
                window.detections().viewModel().debug(window.detections().selectedDetection());
                return null;
            });
            shot("debug-detection");
        } catch (Exception e) {
            e.printStackTrace();
        } finally {
            Platform.exit();
        }
    }
}
