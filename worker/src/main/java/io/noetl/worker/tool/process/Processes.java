package io.noetl.worker.tool.process;

import io.noetl.worker.tool.Cancellation;
import java.io.File;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/** Runs a child process with a time limit; a timeout or a cancel kills its whole process tree. */
public final class Processes {

    /** How much of an output file is read back (its tail). */
    public static final int MAX_READ = 1024 * 1024;

    private Processes() {
    }

    /**
     * How the process ended.
     *
     * @param exitCode exit code, or -1 when it was killed
     * @param killed   true when it was killed (own timeout or cancellation)
     * @param timedOut true when it exceeded {@code timeout}
     */
    public record Exit(int exitCode, boolean killed, boolean timedOut) {
    }

    /**
     * Starts {@code builder} (stdin from /dev/null), waits up to {@code timeout}, kills the tree on timeout or
     * when {@code cancellation} fires.
     */
    public static Exit run(ProcessBuilder builder, Duration timeout, Cancellation cancellation)
            throws IOException, InterruptedException {
        builder.redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        Process process = builder.start();
        cancellation.onCancel(() -> killTree(process));
        try {
            boolean done = process.waitFor(Math.max(1, timeout.toMillis()), TimeUnit.MILLISECONDS);
            if (!done) {
                killTree(process);
                process.waitFor(5, TimeUnit.SECONDS);
                return new Exit(-1, true, true);
            }
            return new Exit(process.exitValue(), cancellation.isCancelled(), false);
        } catch (InterruptedException e) {
            killTree(process);
            if (cancellation.isCancelled()) {
                // stopped on purpose: the caller reports why, with the output so far
                process.waitFor(2, TimeUnit.SECONDS);
                return new Exit(-1, true, false);
            }
            throw e;
        }
    }

    /** Kills the process and every descendant (children first, so none is re-parented and left running). */
    public static void killTree(Process process) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
    }

    /** The tail ({@link #MAX_READ}) of a UTF-8 output file; empty when missing. */
    public static String readTail(Path file) {
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "r")) {
            long len = raf.length();
            long start = Math.max(0, len - MAX_READ);
            byte[] buf = new byte[(int) (len - start)];
            raf.seek(start);
            raf.readFully(buf);
            return new String(buf, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }
}
