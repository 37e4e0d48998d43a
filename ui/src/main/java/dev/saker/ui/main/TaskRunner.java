package dev.saker.ui.main;

import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import javafx.application.Platform;

/**
 * Where long work runs: {@link #background()} on a worker thread with results handed to the JavaFX
 * thread, {@link #synchronous()} inline (tests: every step has happened when the call returns).
 */
public interface TaskRunner {

    /** Runs {@code work}, then {@code done} with its result (or {@code failed}) on the UI thread. */
    <T> void run(Callable<T> work, Consumer<T> done, Consumer<Exception> failed);

    /** Runs {@code r} on the UI thread (now, when synchronous). */
    void ui(Runnable r);

    static TaskRunner background() {
        ExecutorService pool = Executors.newFixedThreadPool(2, r -> {
            Thread t = new Thread(r, "saker-background");
            t.setDaemon(true);
            return t;
        });
        return new TaskRunner() {
            @Override
            public <T> void run(Callable<T> work, Consumer<T> done, Consumer<Exception> failed) {
                pool.execute(() -> {
                    try {
                        T result = work.call();
                        Platform.runLater(() -> done.accept(result));
                    } catch (Exception e) {
                        Platform.runLater(() -> failed.accept(e));
                    }
                });
            }

            @Override
            public void ui(Runnable r) {
                Platform.runLater(r);
            }
        };
    }

    static TaskRunner synchronous() {
        return new TaskRunner() {
            @Override
            public <T> void run(Callable<T> work, Consumer<T> done, Consumer<Exception> failed) {
                T result;
                try {
                    result = work.call();
                } catch (Exception e) {
                    failed.accept(e);
                    return;
                }
                done.accept(result);
            }

            @Override
            public void ui(Runnable r) {
                r.run();
            }
        };
    }
}
