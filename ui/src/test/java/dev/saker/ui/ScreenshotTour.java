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
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Callable;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.stage.Stage;

/**
 * Not a test: drives a real window (run it under Xvfb) through the main views and takes a screenshot
 * of the screen after each with ImageMagick's import, for docs/screenshots. Usage:
 * {@code DISPLAY=:99 java -cp ... dev.saker.ui.ScreenshotTour OUTDIR}. Marks made on the way stay in the
 * session (no sidecar next to the shared captures).
 */
public final class ScreenshotTour {
    private static Path out;
    private static WorkbenchModel model;
    private static MainWindow window;

    public static void main(String[] args) {
        out = Path.of(args.length > 0 ? args[0] : "docs/screenshots");
        System.setProperty("saker.recent", "");
        new Thread(ScreenshotTour::tour, "tour").start();
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
        // a 128-colour palette without dithering: a third of the size, text as sharp
        new ProcessBuilder("convert", png.toString(), "+dither", "-colors", "128", png.toString()).inheritIO().start().waitFor();
        System.out.println("saved " + png);
    }

    /** Types as the keyboard does (KEY_TYPED events), so that completion sees the caret move. */
    private static void typeInto(javafx.scene.control.TextField f, String text) {
        for (char ch : text.toCharArray()) {
            f.fireEvent(new javafx.scene.input.KeyEvent(javafx.scene.input.KeyEvent.KEY_TYPED, String.valueOf(ch), "",
                    javafx.scene.input.KeyCode.UNDEFINED, false, false, false, false));
        }
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
            Path sample = root.resolve("captures/libs/sample.scap");
            Path legacy = root.resolve("falco-legacy");
            Path cat = legacy.resolve("trace_files/cat_write.scap");

            fx(() -> {
                model.open(curl);
                return null;
            });
            idle();
            fx(() -> {
                model.select(20);
                return null;
            });
            shot("events-and-details");

            fx(() -> {
                window.filterBar().field().setText("evt.type=open and proc.nme=curl");
                window.filterBar().field().requestFocus();
                window.filterBar().field().positionCaret(window.filterBar().field().getText().length());
                return null;
            });
            shot("filter-invalid");

            fx(() -> {
                window.filterBar().field().setText("evt.type in (open, openat) and fd.name contains /etc");
                window.filterBar().field().positionCaret(window.filterBar().field().getText().length());
                return null;
            });
            fx(() -> {
                var fire = window.filterBar().field().getOnKeyPressed();
                window.filterBar().field().fireEvent(new javafx.scene.input.KeyEvent(javafx.scene.input.KeyEvent.KEY_PRESSED,
                        "", "", javafx.scene.input.KeyCode.ENTER, false, false, false, false));
                return fire;
            });
            idle();
            fx(() -> {
                int first = window.events().node().getItems().isEmpty() ? -1 : window.events().node().getItems().get(0);
                model.select(first);
                return null;
            });
            shot("filter-applied");

            // completion inside "in (": the rules' lists first, then the capture's process names
            fx(() -> {
                model.setRules(List.of(dev.saker.rules.StarterRules.source()));
                return null;
            });
            idle();
            fx(() -> {
                var f = window.filterBar().field();
                f.requestFocus();
                f.setText("evt.type=execve and proc.name in");
                f.positionCaret(f.getText().length());
                typeInto(f, " (");
                return null;
            });
            shot("filter-list-completion");
            fx(() -> {
                window.filterBar().field().setText("");
                model.setRules(List.of());
                return null;
            });
            idle();

            fx(() -> {
                model.open(sample);
                return null;
            });
            idle();
            fx(() -> {
                var tree = window.processes().tree();
                for (int i = 0; i < tree.getExpandedItemCount(); i++) {
                    var it = tree.getTreeItem(i);
                    if (it != null && it.getValue() != null && it.getValue().comm().equals("sysdig")) {
                        tree.getSelectionModel().select(i);
                        tree.scrollTo(Math.max(0, i - 3));
                        break;
                    }
                }
                return null;
            });
            idle();
            fx(() -> {
                window.events().viewModel().addFieldColumn("fd.name");
                return null;
            });
            idle();
            fx(() -> {
                var items = window.events().node().getItems();
                if (!items.isEmpty()) {
                    model.select(items.get(Math.min(4, items.size() - 1)));
                }
                return null;
            });
            shot("process-tree");

            List<RulesSource> rules = RulesSource.expand(List.of(legacy.resolve("rules/single_rule.yaml"),
                    legacy.resolve("rules/double_rule.yaml")));
            fx(() -> {
                window.events().viewModel().removeFieldColumn("fd.name");
                model.setRules(rules);
                model.open(cat);
                return null;
            });
            idle();
            fx(() -> {
                window.sidePanes().getSelectionModel().select(1);
                var tree = window.detections().tree();
                var group = tree.getRoot().getChildren().get(1);
                group.setExpanded(true);
                tree.getSelectionModel().select(group.getChildren().get(2));
                return null;
            });
            shot("detections");

            fx(() -> {
                var bins = model.indexProperty().get();
                long from = bins.time(0);
                long to = bins.time(bins.size() - 1);
                model.applyQuery(model.queryProperty().get().withWindow(from + (to - from) / 3, from + (to - from) * 2 / 3));
                return null;
            });
            shot("timeline-window");

            // follow fd stream, marks (kept for the session: no sidecar next to the shared captures),
            // and debugging a detection
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

            fx(() -> {
                model.open(cat);
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
