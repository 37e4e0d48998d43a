package dev.saker.ui.details;

import dev.saker.index.Counted;
import dev.saker.index.CaptureIndex;
import dev.saker.index.EventDetails;
import dev.saker.index.ProcessRecord;
import dev.saker.state.ContainerInfo;
import dev.saker.ui.main.FullTextCells;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * The selected event in full: its parameters (left), its process with ancestry, fd and container
 * (middle), and the selected parameter's bytes as hex and text (right).
 */
public final class DetailsView {
    private final DetailsViewModel vm;
    private final Label header = new Label("No event selected");
    private final TableView<EventDetails.Param> params = new TableView<>();
    private final Label fd = new Label();
    private final Label container = new Label();
    private final TableView<ProcessRecord> ancestry = new TableView<>();
    private final TextArea bytes = new TextArea();
    private final Label commandLine = new Label();
    private final SplitPane pane;

    public DetailsView(DetailsViewModel vm) {
        this.vm = vm;
        header.setId("detailsHeader");
        header.setWrapText(true);
        header.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        params.setId("detailsParams");
        params.setPlaceholder(new Label("No parameters"));
        params.getColumns().add(column("Name", 80, EventDetails.Param::name));
        params.getColumns().add(column("Raw", 70, EventDetails.Param::raw));
        params.getColumns().add(column("Value", 420, EventDetails.Param::text));
        params.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        params.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> showBytes(b));
        VBox left = box(header, params);
        VBox.setVgrow(params, Priority.ALWAYS);

        fd.setId("detailsFd");
        fd.setWrapText(true);
        fd.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        // without an event these lines take no room (the pane is short when the Rules tab is open)
        for (Label l : new Label[] {fd, container}) {
            l.managedProperty().bind(l.textProperty().isNotEmpty());
            l.visibleProperty().bind(l.managedProperty());
        }
        container.setId("detailsContainer");
        container.setWrapText(true);
        container.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        ancestry.setId("detailsAncestry");
        ancestry.setPlaceholder(new Label("No process"));
        ancestry.getColumns().add(pcolumn("PID", 65, p -> Long.toString(p.pid())));
        ancestry.getColumns().add(pcolumn("Command line", 400, ProcessRecord::cmdline));
        ancestry.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        Label ancestryTitle = new Label("Process and its ancestors");
        // the column cuts long command lines: the selected ancestor's (else the event's process's) in full
        commandLine.setId("detailsCommandLine");
        commandLine.setWrapText(true);
        commandLine.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        ScrollPane commandLineScroll = new ScrollPane(commandLine);
        commandLineScroll.setFitToWidth(true);
        commandLineScroll.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        // as tall as the wrapped text up to two lines (the ancestry above needs the room), then it scrolls
        commandLineScroll.prefViewportHeightProperty().bind(javafx.beans.binding.Bindings.min(36, commandLine.heightProperty()));
        commandLineScroll.visibleProperty().bind(commandLine.textProperty().isNotEmpty());
        commandLineScroll.managedProperty().bind(commandLineScroll.visibleProperty());
        ancestry.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> showCommandLine());
        VBox middle = box(fd, container, ancestryTitle, ancestry, commandLineScroll);
        VBox.setVgrow(ancestry, Priority.ALWAYS);

        bytes.setId("detailsBytes");
        bytes.setEditable(false);
        bytes.setStyle("-fx-font-family: 'monospace'; -fx-font-size: 11px;");
        bytes.setPromptText("Select a buffer parameter to see its bytes");
        VBox right = box(new Label("Bytes (hex and text)"), bytes);
        VBox.setVgrow(bytes, Priority.ALWAYS);

        // a socket's tuple and a long command line can fill the short pane: it scrolls rather than
        // squeezing the ancestry below three rows (with no event, a short pane shows no scroll bar)
        javafx.beans.binding.NumberBinding rows = javafx.beans.binding.Bindings.when(
                javafx.beans.binding.Bindings.isEmpty(ancestry.getItems())).then(34).otherwise(100);
        ancestry.minHeightProperty().bind(rows);
        ancestry.prefHeightProperty().bind(rows);
        ScrollPane middleScroll = new ScrollPane(middle);
        middleScroll.setId("detailsProcessPane");
        middleScroll.setFitToWidth(true);
        // at least as tall as the pane (the ancestry takes what is left), taller when the wrapped text
        // needs it (fitToHeight would measure the wrapped labels as one line each and clip them)
        middle.minHeightProperty().bind(javafx.beans.binding.Bindings.createDoubleBinding(
                () -> middleScroll.getViewportBounds().getHeight(), middleScroll.viewportBoundsProperty()));
        middleScroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        pane = new SplitPane(left, middleScroll, right);
        pane.setId("detailsPane");
        // the hex dump's 45 monospace characters, scroll bar and padding need about 330 px; the rest goes to values and command lines
        right.setMinWidth(330);
        pane.setDividerPositions(0.34, 0.62);
        vm.detailsProperty().addListener((o, a, b) -> show(b));
        show(vm.detailsProperty().get());
    }

    private static VBox box(Node... nodes) {
        VBox b = new VBox(4, nodes);
        b.setPadding(new Insets(4));
        return b;
    }

    private void show(EventDetails d) {
        if (d == null) {
            header.setText("No event selected");
            params.getItems().clear();
            ancestry.getItems().clear();
            fd.setText("");
            container.setText("");
            bytes.clear();
            showCommandLine();
            return;
        }
        header.setText("Event " + d.number() + "  " + d.direction() + " " + d.type() + "  cpu " + d.cpu()
                + "  tid " + d.tid() + "\n" + d.time());
        params.getItems().setAll(d.params());
        ancestry.getItems().setAll(d.ancestry());
        showCommandLine();
        CaptureIndex.FdRef f = d.fd();
        fd.setText(f == null ? "fd: none" : "fd " + f.num() + " (" + f.view().typeChar() + "): " + f.view().name());
        container.setText(containerText(d));
        EventDetails.Param firstBuffer = d.params().stream().filter(p -> p.bytes() != null
                && p.type().equals("BYTEBUF")).findFirst().orElse(null);
        if (firstBuffer != null) {
            params.getSelectionModel().select(firstBuffer);
        } else {
            bytes.clear();
        }
    }

    private void showCommandLine() {
        ProcessRecord p = ancestry.getSelectionModel().getSelectedItem();
        if (p == null && !ancestry.getItems().isEmpty()) {
            p = ancestry.getItems().get(0);
        }
        commandLine.setText(p == null ? "" : p.pid() + " " + p.comm() + ": " + p.cmdline());
    }

    private static String containerText(EventDetails d) {
        if (d.containerId() == null || d.containerId().isEmpty()) {
            return d.ancestry().isEmpty() ? "container: unknown" : "container: host";
        }
        ContainerInfo c = d.container();
        if (c == null) {
            return "container: " + d.containerId();
        }
        StringBuilder s = new StringBuilder("container: ").append(c.id());
        if (c.name() != null && !c.name().isEmpty()) {
            s.append(" ").append(c.name());
        }
        if (c.image() != null && !c.image().isEmpty()) {
            s.append(" (").append(c.image()).append(")");
        }
        if (c.podName() != null && !c.podName().isEmpty()) {
            s.append("  pod: ").append(c.podNamespace()).append("/").append(c.podName());
        }
        return s.toString();
    }

    private void showBytes(EventDetails.Param p) {
        if (p == null || p.bytes() == null) {
            bytes.clear();
            return;
        }
        bytes.setText(p.name() + ": " + Counted.of(p.bytes().length, "byte") + "\n" + EventDetails.hexDump(p.bytes(), 8)
                + "\n" + EventDetails.printable(p.bytes()));
    }

    private static TableColumn<EventDetails.Param, String> column(String title, double w,
            java.util.function.Function<EventDetails.Param, String> f) {
        TableColumn<EventDetails.Param, String> c = new TableColumn<>(title);
        c.setPrefWidth(w);
        c.setMinWidth(Math.min(w, 70));
        c.setCellFactory(col -> FullTextCells.table());
        c.setCellValueFactory(cd -> new ReadOnlyObjectWrapper<>(f.apply(cd.getValue())));
        return c;
    }

    private static TableColumn<ProcessRecord, String> pcolumn(String title, double w,
            java.util.function.Function<ProcessRecord, String> f) {
        TableColumn<ProcessRecord, String> c = new TableColumn<>(title);
        c.setPrefWidth(w);
        c.setMinWidth(Math.min(w, 65));
        c.setCellFactory(col -> FullTextCells.table());
        c.setCellValueFactory(cd -> new ReadOnlyObjectWrapper<>(f.apply(cd.getValue())));
        return c;
    }

    public Node node() {
        return pane;
    }
}
