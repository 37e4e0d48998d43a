package dev.saker.format;

import dev.saker.fields.EventContext;
import dev.saker.fields.InspectedEvents;
import dev.saker.fields.LibsEdition;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.function.Predicate;

/**
 * {@link FieldOutput} on two cores. Every line depends on the state all earlier events built, so
 * the state cannot be split; the formatting, which costs more than reading and tracking state, can.
 * Two workers each read the whole capture with a pipeline of their own (reader, converter, state,
 * fd tracking: everything {@link InspectedEvents} keeps across events). The printable events are
 * cut into chunks of {@code chunkEvents}; worker 0 formats the even chunks and only advances its
 * state through the odd ones, worker 1 the reverse. Each chunk's lines go into a byte buffer, and
 * the calling thread writes the buffers strictly in chunk order: the output is byte for byte the
 * sequential one. A worker has a fixed pool of buffers ({@link #IN_FLIGHT}), so it waits while the
 * writer is behind, and memory does not grow with the capture.
 *
 * <p>The fields and filters this runs are pure functions of the event and the state after it (no
 * field remembers earlier events, such as a time since the previous one, outside that state), so a
 * worker that skipped formatting a chunk sees the same state as one that formatted it.
 *
 * <p>Damage ends the output as in the sequential path: both workers meet it after the same event;
 * the chunk holding that event carries the error, and the writer throws it after writing the chunk.
 */
final class ChunkedPrinter {
    private static final int WORKERS = 2;
    /** Buffers per worker: one being filled, the others written or waiting to be. */
    private static final int IN_FLIGHT = 3;

    private final FieldOutput output;
    private final Path capture;
    private final LibsEdition edition;
    private final long limit;
    private final Predicate<EventContext> shown;
    private final int chunkEvents;
    private volatile boolean cancelled;

    ChunkedPrinter(FieldOutput output, Path capture, LibsEdition edition, long limit, Predicate<EventContext> shown,
                   int chunkEvents) {
        if (chunkEvents < 1) {
            throw new IllegalArgumentException("chunk size must be positive, got " + chunkEvents);
        }
        this.output = output;
        this.capture = capture;
        this.edition = edition;
        this.limit = limit;
        this.shown = shown;
        this.chunkEvents = chunkEvents;
    }

    /** One chunk's lines, or a worker's end (with what ended it, when that was an error). */
    private static final class Chunk {
        final Utf8Bytes bytes = new Utf8Bytes();
        long lines;
        boolean end;
        Throwable failure;
        long unknownToEdition;
    }

    FieldOutput.Printed print(OutputStream out) throws IOException {
        Worker[] workers = new Worker[WORKERS];
        Thread[] threads = new Thread[WORKERS];
        for (int w = 0; w < WORKERS; w++) {
            workers[w] = new Worker(w);
            threads[w] = new Thread(workers[w], "saker-read-" + w);
            threads[w].setDaemon(true);
        }
        for (Thread t : threads) {
            t.start();
        }
        long lines = 0;
        try {
            for (long i = 0; ; i++) {
                Worker w = workers[(int) (i % WORKERS)];
                Chunk c = w.filled.take();
                c.bytes.writeTo(out);
                lines += c.lines;
                if (c.failure != null) {
                    throw rethrown(c.failure);
                }
                if (c.end) {
                    return new FieldOutput.Printed(lines, c.unknownToEdition);
                }
                c.bytes.clear();
                c.lines = 0;
                w.free.put(c);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while printing " + capture);
        } finally {
            cancelled = true;
            for (Thread t : threads) {
                t.interrupt();
            }
            for (Thread t : threads) {
                try {
                    t.join();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }
    }

    private static IOException rethrown(Throwable t) {
        if (t instanceof IOException io) {
            return io;
        }
        if (t instanceof RuntimeException r) {
            throw r;
        }
        if (t instanceof Error e) {
            throw e;
        }
        return new IOException(t);
    }

    /** Reads the whole capture; formats the chunks whose index is its id modulo {@link #WORKERS}. */
    private final class Worker implements Runnable {
        final int id;
        final BlockingQueue<Chunk> free = new ArrayBlockingQueue<>(IN_FLIGHT);
        /** Unbounded only in form: it never holds more than the pool's chunks plus the end. */
        final BlockingQueue<Chunk> filled = new LinkedBlockingQueue<>();

        Worker(int id) {
            this.id = id;
            for (int i = 0; i < IN_FLIGHT; i++) {
                free.add(new Chunk());
            }
        }

        @Override
        public void run() {
            Chunk chunk = null;
            long unknown = 0;
            Throwable failure = null;
            try (InspectedEvents events = InspectedEvents.open(capture, edition)) {
                // the other workers' chunks only need to keep this worker's state exact
                events.demand((raw, delivered) -> (delivered / chunkEvents) % WORKERS == id);
                StringBuilder line = new StringBuilder(1024);
                long current = -1;
                long k = 0;
                try {
                    for (EventContext c; (c = events.next()) != null; ) {
                        if (limit >= 0 && c.num() > limit) {
                            break;
                        }
                        long index = k++ / chunkEvents;
                        if (index != current) {
                            if (cancelled) {
                                return;
                            }
                            if (chunk != null) {
                                filled.put(chunk);
                                chunk = null;
                            }
                            current = index;
                            if (index % WORKERS == id) {
                                chunk = free.take();
                            }
                        }
                        if (chunk == null || !shown.test(c)) {
                            continue;   // another worker's chunk: the state has advanced, that is all
                        }
                        line.setLength(0);
                        if (output.render(c, line)) {
                            chunk.bytes.appendLine(line);
                            chunk.lines++;
                        }
                    }
                    unknown = events.unknownToEdition();
                } catch (InterruptedException e) {
                    return;   // the writer stopped early (its own error); nobody reads further
                } catch (IOException | RuntimeException | Error e) {
                    failure = e;
                }
            } catch (IOException | RuntimeException | Error e) {
                failure = failure != null ? failure : e;
            }
            if (chunk != null) {
                // the chunk of the last event: the damage (if any) comes right after its lines
                chunk.failure = failure;
                filled.add(chunk);
            }
            Chunk end = new Chunk();
            end.end = true;
            end.failure = failure;
            end.unknownToEdition = unknown;
            filled.add(end);
        }
    }
}
