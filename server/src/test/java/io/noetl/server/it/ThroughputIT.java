package io.noetl.server.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.nats.client.Connection;
import io.nats.client.Dispatcher;
import io.nats.client.Nats;
import io.noetl.schemas.Json;
import io.noetl.schemas.Names;
import io.noetl.schemas.event.Event;
import io.noetl.schemas.event.EventTypes;
import io.noetl.testkit.NatsTestServer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

class ThroughputIT {

    private static final Logger LOG = LoggerFactory.getLogger(ThroughputIT.class);

    @Test
    @DisplayName("a batch of 10-step executions runs through server and a simulated worker at a useful rate")
    void batchOfTenStepExecutionsCompletes() throws Exception {
        int executions = Integer.getInteger("tput.executions", 300);
        int steps = 10;
        String url = NatsTestServer.shared().url();
        Names names = TestServer.uniqueNames("tput");
        CountDownLatch done = new CountDownLatch(executions);
        Map<String, Long> issued = new ConcurrentHashMap<>();
        List<Long> claimLatencies = Collections.synchronizedList(new ArrayList<>());
        try (TestServer server = TestServer.start(new io.noetl.server.ServerConfig(url, 0, "tput", 16,
                Duration.ofSeconds(5), Duration.ofSeconds(60), names));
             SimulatedWorker worker = SimulatedWorker.succeeding(url, names);
             Connection watcher = Nats.connect(url)) {
            Dispatcher d = watcher.createDispatcher(msg -> {
                Event e = Json.read(msg.getData(), Event.class);
                switch (e.eventType()) {
                    case EventTypes.PLAYBOOK_COMPLETED -> done.countDown();
                    case EventTypes.COMMAND_ISSUED -> issued.put(e.commandId(), e.timestamp().toEpochMilli());
                    case EventTypes.COMMAND_CLAIMED -> {
                        Long at = issued.get(e.commandId());
                        if (at != null) {
                            claimLatencies.add(e.timestamp().toEpochMilli() - at);
                        }
                    }
                    default -> { }
                }
            });
            d.subscribe(names.eventsWildcard());
            watcher.flush(Duration.ofSeconds(2));
            server.http.postYaml("/api/playbooks", Playbooks.linear("bench/noop10", steps));

            long t0 = System.nanoTime();
            try (ExecutorService starters = Executors.newFixedThreadPool(8)) {
                for (int i = 0; i < executions; i++) {
                    starters.submit(() -> Await.start(server.http, "bench/noop10"));
                }
            }
            LOG.info("throughput: {} starts took {} ms", executions, (System.nanoTime() - t0) / 1_000_000);
            assertThat(done.await(90, TimeUnit.SECONDS)).as("all executions completed").isTrue();
            double seconds = (System.nanoTime() - t0) / 1e9;
            List<Long> sorted = new ArrayList<>(claimLatencies);
            Collections.sort(sorted);
            long p99 = sorted.isEmpty() ? -1 : sorted.get((int) Math.min(sorted.size() - 1, Math.ceil(sorted.size() * 0.99) - 1));
            LOG.info("throughput: {} executions x {} steps in {} s = {} steps/s; issued->claimed p99 {} ms ({} samples)",
                    executions, steps, String.format("%.2f", seconds), String.format("%.0f", executions * steps / seconds),
                    p99, sorted.size());
            assertThat(worker.commands.get()).isEqualTo(executions * steps);
        }
    }
}
