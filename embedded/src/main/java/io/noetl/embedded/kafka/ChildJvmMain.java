package io.noetl.embedded.kafka;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Method;
import java.util.Arrays;

/**
 * Entry point of a child JVM: {@code ChildJvmMain <main class> <args...>}. It runs the named main class and exits
 * when its standard input reaches end of file, which happens when the JVM that started it dies however it dies
 * (even {@code kill -9}), so no broker outlives the app or test run that started it.
 */
public final class ChildJvmMain {

    private ChildJvmMain() {
    }

    public static void main(String[] args) throws Throwable {
        if (args.length == 0) {
            throw new IllegalArgumentException("usage: ChildJvmMain <main class> [args...]");
        }
        Thread watchdog = new Thread(ChildJvmMain::exitWhenParentGone, "parent-watchdog");
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
