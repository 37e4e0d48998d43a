package dev.saker.ui;

import dev.saker.index.CaptureIndex;
import dev.saker.index.EventRow;
import dev.saker.index.EventRows;
import dev.saker.rules.RulesSource;
import dev.saker.scap.ConformanceCaptures;
import dev.saker.ui.main.MainWindow;
import dev.saker.ui.main.RecentFiles;
import dev.saker.ui.main.TaskRunner;
import dev.saker.ui.main.WorkbenchModel;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.junit.jupiter.api.BeforeEach;
import org.testfx.api.FxToolkit;

/**
 * A real main window on Monocle's headless screen, its background work run inline (so every step
 * has finished when an interaction returns), opened on real conformance captures.
 */
@ExtendWith(ApplicationExtension.class)
public abstract class WorkbenchTestBase {
    protected WorkbenchModel model;
    protected MainWindow window;

    // a superclass @BeforeEach runs before the subclass's; ApplicationExtension's @Start is looked up
    // on the test class alone
    @BeforeEach
    void showWindow() throws Exception {
        Stage stage = FxToolkit.registerPrimaryStage();
        FxToolkit.setupFixture(() -> {
            model = new WorkbenchModel(TaskRunner.synchronous(), new RecentFiles(null));
            window = new MainWindow(model);
            window.show(stage);
        });
    }

    protected static Path capture(String relative) {
        return ConformanceCaptures.capture(relative);
    }

    protected static Path legacy(String relative) {
        return ConformanceCaptures.requireRoot().resolve("falco-legacy").resolve(relative);
    }

    protected void open(FxRobot robot, Path capture, Path... rules) throws IOException {
        List<RulesSource> sources = RulesSource.expand(List.of(rules));
        robot.interact(() -> {
            model.setRules(sources);
            model.open(capture);
        });
    }

    @SuppressWarnings("unchecked")
    protected TableView<Integer> table(FxRobot robot) {
        return (TableView<Integer>) robot.lookup("#eventTable").queryAs(TableView.class);
    }

    /** The rows the table shows, rendered. */
    protected List<EventRow> shownRows(FxRobot robot) {
        EventRows rows = model.rowsProperty().get();
        List<EventRow> out = new ArrayList<>();
        for (Integer r : table(robot).getItems()) {
            out.add(rows.row(r));
        }
        return out;
    }

    protected CaptureIndex index() {
        return model.indexProperty().get();
    }
}
