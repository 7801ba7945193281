package io.noetl.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.noetl.app.CliRun;
import io.noetl.app.admin.ReindexRoutes;
import io.noetl.embedded.LoopbackPorts;
import io.noetl.schemas.Names;
import io.noetl.server.api.HttpApi;
import io.noetl.sink.embed.Embeddings;
import io.noetl.sink.index.IndexTarget;
import io.noetl.sink.index.VectorIndex;
import io.noetl.sink.replay.FailureTopics;
import io.noetl.sink.replay.ReplayService;
import io.noetl.sink.replay.ReplaySettings;
import io.noetl.sink.vector.embedded.EmbeddedVectorStore;
import io.noetl.testkit.KafkaTestBroker;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code noetl replay} against a real broker: through a running API, and in-process when no API answers. */
class ReplayCommandIT {

    private static final int FAILURES = 25;

    @TempDir
    Path dir;

    private final KafkaTestBroker broker = KafkaTestBroker.shared();

    @Test
    @DisplayName("with an API that runs the sink, the command follows its reindex job and prints plain progress"
            + " lines ending in the completed one")
    void followsTheApisJob() throws Exception {
        Names names = FailureTopics.create(broker.bootstrapServers(), FAILURES);
        ReindexRoutes routes = new ReindexRoutes();
        CliRun cli;
        try (VectorIndex index = new VectorIndex(EmbeddedVectorStore.open(dir.resolve("vectors")),
                Embeddings.defaults(), names);
                ReplayService replays = new ReplayService(Map.of(IndexTarget.VECTORS, index),
                        ReplaySettings.defaults(broker.bootstrapServers(), names.prefix())
                                .withLiveBatchTime(Duration.ZERO), Clock.systemUTC());
                HttpApi api = new HttpApi(List.of(routes)).start("127.0.0.1", 0)) {
            routes.attach(replays);

            cli = new CliRun(Map.of("NOETL_HTTP_PORT", Integer.toString(api.port())));
            int code = cli.run("replay", "--target", "vectors");

            assertThat(code).as(cli.err()).isZero();
            assertThat(index.currentVersion()).isEqualTo(1);
            assertThat(index.count(1)).isEqualTo(FAILURES);
        }
        String[] lines = cli.out().split("\n");
        assertThat(lines[0]).startsWith("reindex job ");
        assertThat(cli.out()).doesNotContain("\r");
        assertThat(lines[lines.length - 1]).isEqualTo("vectors v0 -> v1 completed  [####################] 100%  "
                + FAILURES + "/" + FAILURES + " events  " + lines[lines.length - 1].replaceAll(".* events  ", ""));
        assertThat(lines[lines.length - 1]).endsWith("ETA 0:00");
    }

    @Test
    @DisplayName("with no API answering, the command replays every index in this process on the stores of the"
            + " environment")
    void replaysInProcessWithoutApi() throws Exception {
        Names names = FailureTopics.create(broker.bootstrapServers(), FAILURES);
        Map<String, String> env = Map.of("NOETL_API", "http://127.0.0.1:" + LoopbackPorts.free(),
                "KAFKA_BOOTSTRAP_SERVERS", broker.bootstrapServers(), "NOETL_DATA_DIR", dir.toString(),
                "NOETL_STREAM_PREFIX", names.prefix(), "NOETL_SINK_BATCH_MS", "1");

        CliRun cli = new CliRun(env);
        int code = cli.run("replay", "--target", "all");

        assertThat(code).as(cli.err()).isZero();
        assertThat(cli.out()).contains("replaying in this process");
        assertThat(cli.out()).contains("all v0 -> v1 completed");
        // both indexes read the events topic
        assertThat(cli.out()).contains(2 * FAILURES + "/" + 2 * FAILURES + " events");

        int again = cli.run("replay", "--target", "vectors", "--since", "1h");
        assertThat(again).as(cli.err()).isZero();
        assertThat(cli.out()).contains("vectors v1 completed");
    }
}
