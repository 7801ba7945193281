package io.noetl.app.infra;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Method;
import java.util.Arrays;

/**
 * Entry point of the Kafka broker's child JVM: {@code KafkaChildMain <main class> <args...>}. It runs the named
 * main class and exits when its standard input reaches end of file, which happens when the app's JVM dies however
 * it dies (even {@code kill -9}), so no broker outlives the app that started it.
 */
public final class KafkaChildMain {

    private KafkaChildMain() {
    }

    public static void main(String[] args) throws Throwable {
        if (args.length == 0) {
            throw new IllegalArgumentException("usage: KafkaChildMain <main class> [args...]");
        }
        Thread watchdog = new Thread(KafkaChildMain::exitWhenParentGone, "parent-watchdog");
        watchdog.setDaemon(true);
        watchdog.start();
        Method main = Class.forName(args[0]).getMethod("main", String[].class);
        main.invoke(null, (Object) Arrays.copyOfRange(args, 1, args.length));
    }

    private static void exitWhenParentGone() {
        try (InputStream in = System.in) {
            byte[] buffer = new byte[256];
            while (in.read(buffer) >= 0) {
                // the parent never writes; only the end of the stream matters
            }
        } catch (IOException e) {
            // a broken pipe means the parent is gone, the same as end of file
        }
        System.exit(1);
    }
}
