package dev.saker.ui;

import dev.saker.ui.main.MainWindow;
import dev.saker.ui.main.TaskRunner;
import dev.saker.ui.main.WorkbenchModel;
import javafx.application.Application;
import javafx.stage.Stage;

/** The JavaFX application: one main window over one {@link WorkbenchModel}. */
public final class WorkbenchApp extends Application {
    @Override
    public void start(Stage stage) {
        Workbench.Options opts = Workbench.options();
        WorkbenchModel model = new WorkbenchModel(TaskRunner.background());
        model.setRules(opts.rules());
        MainWindow window = new MainWindow(model);
        window.show(stage);
        if (opts.capture() != null) {
            model.open(opts.capture());
        }
    }
}
