package io.noetl.app.e2e;

import io.noetl.schemas.Names;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * {@code noetl bridge} (Kafka topics, topology, event bridge, alert relay) as a child process of the test, on
 * the test's own class path, so that a test can kill it with SIGKILL and start it again on the same data dir.
 */
final class StreamRole implements AutoCloseable {

    private final Names names;
    private final String bootstrap;
    private final Path dataDir;
    private Process process;

    StreamRole(Names names, String bootstrap, Path dataDir) {
        this.names = names;
        this.bootstrap = bootstrap;
        this.dataDir = dataDir;
    }

    void start() throws IOException {
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElse(
                Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        command.addAll(List.of("--enable-native-access=ALL-UNNAMED", "-Xmx768m", "-XX:+UseParallelGC",
                "-cp", System.getProperty("java.class.path"), "io.noetl.app.Main", "bridge"));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(dataDir.resolve("stream-role.log").toFile()));
        Map<String, String> env = builder.environment();
        env.put("NATS_URL", io.noetl.testkit.NatsTestServer.shared().url());
        env.put("KAFKA_BOOTSTRAP_SERVERS", bootstrap);
        env.put("NOETL_STREAM_PREFIX", names.prefix());
        env.put("NOETL_DATA_DIR", dataDir.toString());
        env.put("NOETL_KAFKA_PARTITIONS", "3");
        process = builder.start();
    }

    /** SIGKILL: no graceful shutdown, no last commit. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    @Override
    public void close() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroy();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                kill();
            }
        }
    }
}
