package dev.saker.ui.stream;

import dev.saker.index.Counted;
import dev.saker.index.EventDetails;
import dev.saker.index.EventRows;
import dev.saker.index.FdStream;
import dev.saker.ui.main.WorkbenchModel;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;

/** The followed fd stream (computed in the background from an event's row) and how its data shows. */
public final class FdStreamViewModel {
    private final WorkbenchModel model;
    private final ObjectProperty<FdStream> stream = new SimpleObjectProperty<>();
    private final BooleanProperty hex = new SimpleBooleanProperty();
    private final BooleanProperty following = new SimpleBooleanProperty();

    public FdStreamViewModel(WorkbenchModel model) {
        this.model = model;
        // a new capture makes the old stream's rows meaningless
        model.rowsProperty().addListener((o, a, b) -> stream.set(null));
    }

    /** Whether the event at {@code row} refers to an fd, so that there is a stream to follow. */
    public boolean canFollow(int row) {
        EventRows rows = model.rowsProperty().get();
        return rows != null && row >= 0 && row < rows.index().size() && rows.index().fd(row) != null;
    }

    /** Follows the fd of the event at {@code row}; false (nothing changes) when it has none. */
    public boolean follow(int row) {
        if (!canFollow(row)) {
            return false;
        }
        EventRows rows = model.rowsProperty().get();
        following.set(true);
        model.tasks().run(() -> FdStream.of(rows, row), s -> {
            following.set(false);
            if (model.rowsProperty().get() == rows) {
                stream.set(s);
            }
        }, e -> {
            following.set(false);
            model.errorProperty().set("cannot follow the stream: " + e.getMessage());
        });
        return true;
    }

    /** A chunk's data as the view shows it: printable text (CR LF as one line break), or a hex dump. */
    public String render(FdStream.Chunk c) {
        if (hex.get()) {
            return EventDetails.hexDump(c.data()).stripTrailing();
        }
        byte[] d = c.data();
        java.io.ByteArrayOutputStream text = new java.io.ByteArrayOutputStream(d.length);
        for (int i = 0; i < d.length; i++) {
            if (!(d[i] == '\r' && i + 1 < d.length && d[i + 1] == '\n')) {
                text.write(d[i]);
            }
        }
        return EventDetails.printable(text.toByteArray());
    }

    /** The line above a chunk's data: direction, syscall, bytes moved and captured, event number. */
    public static String header(FdStream.Chunk c) {
        String arrow = c.direction() == FdStream.Direction.READ ? "<< read" : ">> write";
        String captured = c.data().length == c.length() ? "" : " (" + c.data().length + " captured)";
        return arrow + "  " + c.type() + "  " + Counted.of(c.length(), "byte") + captured + "  event " + c.number();
    }

    /** The stream's title: fd, name, process and totals. */
    public String title() {
        FdStream s = stream.get();
        if (s == null) {
            return "Select an event with an fd and choose Follow fd stream (table context menu or View menu)";
        }
        String trunc = s.truncated() ? ", first " + FdStream.MAX_CHUNKS + " chunks only" : "";
        return "fd " + s.fd().num() + " (" + s.fd().view().typeChar() + ") " + s.fd().view().name() + " of pid " + s.pid()
                + ": " + Counted.of(s.chunks().size(), "chunk") + ", " + Counted.of(s.moved(FdStream.Direction.WRITE), "byte")
                + " written, " + Counted.of(s.moved(FdStream.Direction.READ), "byte") + " read" + trunc;
    }

    /** Selects a chunk's event in the table and details. */
    public void jumpTo(FdStream.Chunk c) {
        model.selectEvent(c.number());
    }

    public ObjectProperty<FdStream> streamProperty() {
        return stream;
    }

    public BooleanProperty hexProperty() {
        return hex;
    }

    public BooleanProperty followingProperty() {
        return following;
    }

    public WorkbenchModel model() {
        return model;
    }
}
