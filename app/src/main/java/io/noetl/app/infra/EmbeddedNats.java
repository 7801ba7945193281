package io.noetl.app.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The NATS server of the embedded default: the one at {@code NATS_URL} (default {@code nats://127.0.0.1:4222}) when
 * it answers, otherwise a private {@code nats-server -js} started here, with its JetStream store under
 * {@code NOETL_DATA_DIR} (default {@code ./.noetl/data}) {@code /nats}, and stopped by {@link #close()}.
 */
public final class EmbeddedNats implements AutoCloseable {

    public static final String DEFAULT_URL = "nats://127.0.0.1:4222";
    public static final String NOT_INSTALLED =
            "nats-server is not installed: run 'apt-get install -y nats-server' (as root) or set NATS_URL";

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedNats.class);
    private static final Duration START_TIMEOUT = Duration.ofSeconds(15);

    private final String url;
    private final Process process;

    private EmbeddedNats(String url, Process process) {
        this.url = url;
        this.process = process;
    }

    /** Uses the server at {@code NATS_URL} if it answers, else starts a private one. */
    public static EmbeddedNats ensure(Map<String, String> env) {
        return ensure(env, NatsBinary.candidates(env));
    }

    static EmbeddedNats ensure(Map<String, String> env, List<Path> binaryCandidates) {
        String configured = env.getOrDefault("NATS_URL", DEFAULT_URL);
        if (NatsProbe.answers(configured, Duration.ofMillis(500))) {
            LOG.info("using NATS at {}", configured);
            return new EmbeddedNats(configured, null);
        }
        Path binary = NatsBinary.find(binaryCandidates).orElseThrow(() -> new IllegalStateException(NOT_INSTALLED));
        Path storeDir = dataDir(env).resolve("nats");
        int port = LocalPorts.freeOr(preferredPort(configured));
        return start(binary, port, storeDir);
    }

    /** {@code NOETL_DATA_DIR}, default {@code ./.noetl/data}. */
    public static Path dataDir(Map<String, String> env) {
        String dir = env.get("NOETL_DATA_DIR");
        return Path.of(dir == null || dir.isBlank() ? ".noetl/data" : dir).toAbsolutePath();
    }

    private static int preferredPort(String natsUrl) {
        try {
            int port = URI.create(natsUrl.split(",")[0].trim()).getPort();
            return port > 0 ? port : 4222;
        } catch (IllegalArgumentException e) {
            return 4222;
        }
    }

    private static EmbeddedNats start(Path binary, int port, Path storeDir) {
        Process process;
        try {
            Files.createDirectories(storeDir);
            process = new ProcessBuilder(binary.toString(), "-js", "-a", "127.0.0.1", "-p", String.valueOf(port),
                    "-sd", storeDir.toString())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(storeDir.resolve("nats-server.log").toFile()))
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException("start " + binary + " on port " + port, e);
        }
        String url = "nats://127.0.0.1:" + port;
        EmbeddedNats nats = new EmbeddedNats(url, process);
        try {
            awaitListening(process, url, storeDir);
        } catch (RuntimeException e) {
            nats.close();
            throw e;
        }
        LOG.info("started private nats-server at {} (store {})", url, storeDir);
        return nats;
    }

    private static void awaitListening(Process process, String url, Path storeDir) {
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("nats-server exited with code " + process.exitValue()
                        + "; see " + storeDir.resolve("nats-server.log"));
            }
            if (NatsProbe.answers(url, Duration.ofMillis(200))) {
                return;
            }
            try {
                Thread.sleep(25);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for nats-server at " + url, e);
            }
        }
        throw new IllegalStateException("nats-server did not listen at " + url + " within " + START_TIMEOUT);
    }

    /** URL to connect to. */
    public String url() {
        return url;
    }

    /** Whether this instance started (and owns) the server process. */
    public boolean owned() {
        return process != null;
    }

    @Override
    public void close() {
        if (process == null || !process.isAlive()) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
            LOG.info("stopped private nats-server at {}", url);
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
