package dev.saker.ui.stream;

import dev.saker.index.FdStream;
import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ToggleButton;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * Follow fd stream: one block per read or write of the fd in capture order, writes red and reads blue
 * as Wireshark colours the two sides of a conversation; text or hex; double-click a block (or Enter) to
 * select its event.
 */
public final class FdStreamView {
    private final FdStreamViewModel vm;
    private final BorderPane root = new BorderPane();
    private final Label title = new Label();
    private final ListView<FdStream.Chunk> chunks = new ListView<>();

    public FdStreamView(FdStreamViewModel vm) {
        this.vm = vm;
        root.setId("fdStream");
        title.setId("fdStreamTitle");
        title.setMaxWidth(Double.MAX_VALUE);
        title.setWrapText(true);
        HBox.setHgrow(title, Priority.ALWAYS);
        ToggleButton hex = new ToggleButton("Hex");
        hex.setId("fdStreamHex");
        hex.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        hex.selectedProperty().bindBidirectional(vm.hexProperty());
        HBox bar = new HBox(8, title, hex);
        bar.setPadding(new Insets(4, 6, 4, 6));
        root.setTop(bar);
        chunks.setId("fdStreamChunks");
        chunks.setPlaceholder(new Label("No data read or written on this fd in the capture"));
        chunks.setCellFactory(l -> new ChunkCell());
        chunks.setOnKeyPressed(e -> {
            FdStream.Chunk c = chunks.getSelectionModel().getSelectedItem();
            if (e.getCode() == javafx.scene.input.KeyCode.ENTER && c != null) {
                vm.jumpTo(c);
            }
        });
        root.setCenter(chunks);
        vm.streamProperty().addListener((o, a, b) -> refresh());
        vm.hexProperty().addListener((o, a, b) -> chunks.refresh());
        refresh();
    }

    private void refresh() {
        title.setText(vm.title());
        FdStream s = vm.streamProperty().get();
        chunks.getItems().setAll(s == null ? java.util.List.of() : s.chunks());
    }

    public FdStreamViewModel viewModel() {
        return vm;
    }

    public ListView<FdStream.Chunk> chunks() {
        return chunks;
    }

    public BorderPane node() {
        return root;
    }

    private final class ChunkCell extends ListCell<FdStream.Chunk> {
        private final Label header = new Label();
        private final Label data = new Label();
        private final VBox box = new VBox(1, header, data);

        ChunkCell() {
            header.getStyleClass().add("fd-stream-header");
            data.getStyleClass().add("fd-stream-data");
            data.setWrapText(true);
            data.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
            setPrefWidth(0);
            setOnMouseClicked(e -> {
                if (e.getClickCount() == 2 && getItem() != null) {
                    vm.jumpTo(getItem());
                }
            });
        }

        @Override
        protected void updateItem(FdStream.Chunk c, boolean empty) {
            super.updateItem(c, empty);
            getStyleClass().removeAll("fd-stream-read", "fd-stream-write");
            if (empty || c == null) {
                setGraphic(null);
                return;
            }
            getStyleClass().add(c.direction() == FdStream.Direction.READ ? "fd-stream-read" : "fd-stream-write");
            header.setText(FdStreamViewModel.header(c));
            data.setText(vm.render(c));
            setGraphic(box);
        }
    }
}
