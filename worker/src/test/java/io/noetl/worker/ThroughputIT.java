package io.noetl.worker;

import static org.assertj.core.api.Assertions.assertThat;

import io.nats.client.JetStream;
import io.nats.client.PublishOptions;
import io.nats.client.api.PublishAck;
import io.noetl.schemas.Json;
import io.noetl.schemas.Names;
import io.noetl.schemas.command.Command;
import io.noetl.testkit.NatsTestServer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A smoke check of the hot path: many noop commands through one worker without pauses. */
class ThroughputIT {

    private static final Logger LOG = LoggerFactory.getLogger(ThroughputIT.class);
    private static final int COMMANDS = 2_000;

    @Test
    void runsTwoThousandNoopCommandsQuickly() throws Exception {
        String url = NatsTestServer.shared().url();
        Names names = new Names("tp" + ProcessHandle.current().pid() + "_");
        try (Streams streams = new Streams(url, names);
             WorkerRole worker = WorkerRole.start(new WorkerConfig(url, "default", "w-tp", 64,
                     Duration.ofSeconds(30), Duration.ofSeconds(30), "python3", names, Map.of()))) {
            assertThat(worker.awaitReady(Duration.ofSeconds(15))).isTrue();
            JetStream js = streams.connection().jetStream();
            long start = System.nanoTime();
            List<CompletableFuture<PublishAck>> acks = new ArrayList<>();
            for (int i = 0; i < COMMANDS; i++) {
                Command c = Commands.command("noop", Map.of());
                acks.add(js.publishAsync(names.commands("default"), Json.bytes(c),
                        PublishOptions.builder().messageId(c.natsMsgId()).build()));
            }
            CompletableFuture.allOf(acks.toArray(CompletableFuture[]::new)).join();
            org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(20))
                    .until(() -> streams.connection().jetStreamManagement().getStreamInfo(names.eventsStream())
                            .getStreamState().getMsgCount() == COMMANDS * 4L);
            double seconds = (System.nanoTime() - start) / 1e9;
            LOG.info("{} noop commands in {} s: {} commands/s", COMMANDS, String.format("%.2f", seconds),
                    Math.round(COMMANDS / seconds));
            org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> streams.pendingCommands() == 0);
        }
    }
}
