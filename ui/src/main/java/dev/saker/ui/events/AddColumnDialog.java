package dev.saker.ui.events;

import dev.saker.index.FilterCheck;
import javafx.scene.control.Alert;
import javafx.scene.control.TextInputDialog;
import javafx.stage.Window;
import org.controlsfx.control.textfield.TextFields;

/** Asks for a field name (with completion) and adds its column. */
final class AddColumnDialog {
    private AddColumnDialog() {
    }

    static void ask(Window owner, EventTableViewModel vm) {
        TextInputDialog d = new TextInputDialog();
        d.initOwner(owner);
        d.setTitle("Add column");
        d.setHeaderText("Field to show for every event (e.g. fd.name, proc.cmdline, user.name)");
        TextFields.bindAutoCompletion(d.getEditor(), FilterCheck.fieldNames());
        d.showAndWait().ifPresent(name -> {
            String problem = vm.addFieldColumn(name);
            if (problem != null) {
                Alert a = new Alert(Alert.AlertType.ERROR, problem);
                a.initOwner(owner);
                a.showAndWait();
            }
        });
    }
}
