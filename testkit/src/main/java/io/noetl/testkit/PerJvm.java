package io.noetl.testkit;

import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The one shared instance of a private server in a test JVM: started on first use, closed when the JVM exits.
 * Tests share it to spare the suite a server start per test class.
 *
 * @param <T> the server
 */
final class PerJvm<T> {

    private final Supplier<T> start;
    private final Consumer<T> close;
    private final String stopThreadName;
    private T shared;

    /**
     * @param start          starts the server
     * @param close          closes it at JVM exit
     * @param stopThreadName names the shutdown hook's thread
     */
    PerJvm(Supplier<T> start, Consumer<T> close, String stopThreadName) {
        this.start = start;
        this.close = close;
        this.stopThreadName = stopThreadName;
    }

    /** The shared server, started on the first call. */
    synchronized T get() {
        if (shared == null) {
            T started = start.get();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> close.accept(started), stopThreadName));
            shared = started;
        }
        return shared;
    }
}
