package dev.saker.ui.main;

import static org.assertj.core.api.Assertions.assertThat;

import dev.saker.index.CaptureIndexer;
import dev.saker.scap.ConformanceCaptures;
import java.nio.file.Path;
import javafx.scene.control.Labeled;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

@ExtendWith(ApplicationExtension.class)
class OpenCaptureTest {
    private WorkbenchModel model;
    private MainWindow window;

    @Start
    void start(Stage stage) {
        model = new WorkbenchModel(TaskRunner.synchronous(), new RecentFiles(null));
        window = new MainWindow(model);
        window.show(stage);
    }

    @Test
    void openingARealCaptureShowsItsEventsWithSysdigsColumns(FxRobot robot) throws Exception {
        Path capture = ConformanceCaptures.capture("libs/curl_google.scap");
        int expected = CaptureIndexer.build(capture).size();
        robot.interact(() -> model.open(capture));
        assertThat(model.errorProperty().get()).isNull();
        TableView<?> table = robot.lookup("#eventTable").queryTableView();
        assertThat(table.getItems()).hasSize(expected);
        assertThat(table.getColumns()).extracting(c -> c.getText())
                .containsExactly("No.", "Time", "CPU", "Process", "TID", "Dir", "Type", "Info");
        // the first row's cells are on screen with the event's values
        assertThat(robot.lookup(".table-cell").queryAllAs(Labeled.class))
                .extracting(Labeled::getText).contains("curl");
        assertThat(robot.lookup("#statusLabel").queryAs(Labeled.class).getText()).isEqualTo("Opened curl_google.scap");
        assertThat(model.recentFiles().paths()).containsExactly(capture.toAbsolutePath().normalize());
    }

    @Test
    void aFileThatIsNotACaptureSaysWhyAndShowsNoRows(FxRobot robot) throws Exception {
        Path notCapture = java.nio.file.Files.createTempFile("saker-ui", ".scap");
        java.nio.file.Files.writeString(notCapture, "not a capture");
        try {
            robot.interact(() -> model.open(notCapture));
            assertThat(model.errorProperty().get()).startsWith("Cannot open " + notCapture);
            assertThat(robot.lookup("#eventTable").queryTableView().getItems()).isEmpty();
        } finally {
            java.nio.file.Files.deleteIfExists(notCapture);
        }
    }
}
