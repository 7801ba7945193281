package io.noetl.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What every launcher does with its child process: start it with its output in a log, stop it, read the end of
 * its log, wait between probes.
 */
public final class ChildProcesses {

    private static final Logger LOG = LoggerFactory.getLogger(ChildProcesses.class);

    private ChildProcesses() {
    }

    /**
     * Starts {@code command} with its standard output and error appended to {@code log} (whose folder is created
     * when missing).
     *
     * @param workDir the child's working directory, or null for this JVM's
     * @param what    names what is started in the error, e.g. {@code /usr/bin/nats-server on port 4222}
     * @throws UncheckedIOException {@code start <what>}, when the process cannot be started
     */
    public static Process start(List<String> command, Path workDir, Path log, String what) {
        try {
            Files.createDirectories(log.toAbsolutePath().getParent());
            ProcessBuilder builder = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
            if (workDir != null) {
                builder.directory(workDir.toFile());
            }
            return builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("start " + what, e);
        }
    }

    /**
     * Asks {@code process} to stop (SIGTERM, so a server shuts down cleanly) and kills it when it is still alive
     * after {@code grace}; does nothing when it already exited. An interrupt kills it at once and is kept.
     *
     * @param what names the process in the warning logged when it has to be killed
     */
    public static void stop(Process process, Duration grace, String what) {
        if (process == null || !process.isAlive()) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
                LOG.warn("{} (pid {}) did not stop within {}; killing it", what, process.pid(), grace);
                process.destroyForcibly().waitFor(grace.toMillis(), TimeUnit.MILLISECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    /** The last {@code lines} lines of {@code log} (empty when there is no log yet), for error messages. */
    public static String tail(Path log, int lines) {
        if (!Files.exists(log)) {
            return "";
        }
        try {
            List<String> all = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException | UncheckedIOException e) {
            return "(cannot read " + log + ": " + e + ")";
        }
    }

    /**
     * Sleeps between two readiness probes.
     *
     * @throws IllegalStateException when interrupted (the interrupt is kept), naming what was awaited
     */
    public static void pause(long millis, String awaited) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for " + awaited, e);
        }
    }
}
