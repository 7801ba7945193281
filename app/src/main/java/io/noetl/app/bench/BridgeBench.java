package io.noetl.app.bench;

import io.nats.client.Connection;
import io.nats.client.JetStream;
import io.nats.client.JetStreamApiException;
import io.nats.client.JetStreamManagement;
import io.nats.client.PublishOptions;
import io.nats.client.api.AckPolicy;
import io.nats.client.api.ConsumerConfiguration;
import io.nats.client.api.DeliverPolicy;
import io.nats.client.api.PublishAck;
import io.nats.client.api.RetentionPolicy;
import io.nats.client.api.StorageType;
import io.nats.client.api.StreamConfiguration;
import io.nats.client.impl.Headers;
import io.noetl.app.bench.BenchEvents.BenchEvent;
import io.noetl.connectors.bridge.BridgeSettings;
import io.noetl.connectors.bridge.DurablePull;
import io.noetl.connectors.bridge.EventBridge;
import io.noetl.connectors.kafka.KafkaTopics;
import io.noetl.connectors.kafka.TopicSettings;
import io.noetl.schemas.Names;
import io.noetl.schemas.Subjects;
import java.io.IOException;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;

/**
 * Bridge throughput against its floor: N events are loaded into the events stream once, then read whole, in
 * alternating rounds, by a raw pull consumer that acks each message and by the {@link EventBridge} into Kafka,
 * with the same pull batch. A round's rate is taken from 10 % to 100 % of the events, so both sides' start-up
 * (consumer creation, the producer's first metadata) stays out of it. Everything it creates carries the given
 * prefix and is deleted by {@link #cleanUp()}.
 */
public final class BridgeBench {

    public static final int ROUNDS = 3;
    private static final Duration ROUND_TIMEOUT = Duration.ofMinutes(10);

    private final Connection nc;
    private final String bootstrapServers;
    private final Names names;
    private final PrintWriter out;

    public BridgeBench(Connection nc, String bootstrapServers, Names names, PrintWriter out) {
        this.nc = nc;
        this.bootstrapServers = bootstrapServers;
        this.names = names;
        this.out = out;
    }

    /** Runs the benchmark; {@code settings} is the bridge's (its fetch batch is also the raw consumer's). */
    public BridgeBenchResult run(int events, BridgeSettings settings) throws Exception {
        if (events < 10) {
            throw new IllegalArgumentException("the bridge benchmark needs at least 10 events, got " + events);
        }
        nc.jetStreamManagement().addStream(StreamConfiguration.builder().name(names.eventsStream())
                .subjects(names.eventsWildcard()).retentionPolicy(RetentionPolicy.Limits)
                .storageType(StorageType.File).duplicateWindow(Duration.ofMinutes(2)).build());
        try (Admin admin = admin()) {
            KafkaTopics.ensure(admin, names, TopicSettings.embedded());
        }
        List<BenchEvent> batch = BenchEvents.generate(events);
        double publishEps = publish(batch);
        out.printf("loaded %d events (%d bytes each on average) at %.0f events/s%n", events,
                BenchEvents.meanBytes(batch), publishEps);
        List<Double> raw = new ArrayList<>();
        List<Double> bridged = new ArrayList<>();
        for (int round = 1; round <= ROUNDS; round++) {
            raw.add(rawRound(round, events, settings));
            bridged.add(bridgeRound(events, settings));
            out.printf("round %d: raw %.0f events/s, bridge %.0f events/s%n", round, raw.getLast(), bridged.getLast());
            out.flush();
        }
        return new BridgeBenchResult(events, BenchEvents.meanBytes(batch), settings.fetchBatch(), publishEps, raw,
                bridged);
    }

    private double publish(List<BenchEvent> events) throws Exception {
        JetStream js = nc.jetStream();
        long t0 = System.nanoTime();
        List<CompletableFuture<PublishAck>> window = new ArrayList<>();
        for (BenchEvent e : events) {
            Headers headers = new Headers().put(Subjects.EVENT_TYPE_HEADER, e.eventType());
            window.add(js.publishAsync(names.events(e.executionId()), headers, e.bytes(),
                    PublishOptions.builder().messageId(e.eventId()).build()));
            if (window.size() >= 5_000) {
                CompletableFuture.allOf(window.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
                window.clear();
            }
        }
        CompletableFuture.allOf(window.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
        return events.size() / seconds(System.nanoTime() - t0);
    }

    /** A durable pull consumer of its own that only acks, pulled exactly as the bridge pulls. */
    private double rawRound(int round, int events, BridgeSettings settings) throws Exception {
        String durable = names.prefix() + "bench-raw-" + round;
        ConsumerConfiguration config = ConsumerConfiguration.builder().durable(durable)
                .filterSubject(names.eventsWildcard()).ackPolicy(AckPolicy.Explicit).deliverPolicy(DeliverPolicy.All)
                .ackWait(settings.ackWait()).maxAckPending(settings.maxAckPending()).build();
        AtomicLong acked = new AtomicLong();
        DurablePull pull = DurablePull.start(nc, names.eventsStream(), config, settings.fetchBatch(),
                settings.pullExpiry(), () -> Integer.MAX_VALUE, msg -> {
                    msg.ack();
                    acked.incrementAndGet();
                }, durable);
        try {
            return rate(events, acked::get, () -> nc.flush(Duration.ofSeconds(10)));
        } finally {
            pull.close();
            nc.jetStreamManagement().deleteConsumer(names.eventsStream(), durable);
        }
    }

    /** The bridge from the start of the stream (its durable consumer is created afresh). */
    private double bridgeRound(int events, BridgeSettings settings) throws Exception {
        deleteConsumer(names.bridgeConsumer());
        try (EventBridge bridge = EventBridge.start(nc, names, settings)) {
            return rate(events, bridge::bridged, () -> { });
        }
    }

    private interface Finish {
        void run() throws Exception;
    }

    /** Events/s from the moment 10 % were done until all were (then {@code finish}, included in the time). */
    private static double rate(int events, LongSupplier done, Finish finish) throws Exception {
        long tenth = events / 10;
        long deadline = System.nanoTime() + ROUND_TIMEOUT.toNanos();
        long start = 0;
        while (done.getAsLong() < events) {
            if (start == 0 && done.getAsLong() >= tenth) {
                start = System.nanoTime();
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("round not done within " + ROUND_TIMEOUT + ": " + done.getAsLong()
                        + " of " + events + " events");
            }
            Thread.sleep(0, 200_000);
        }
        finish.run();
        long end = System.nanoTime();
        if (start == 0) {
            start = end - 1;
        }
        return (events - tenth) / seconds(end - start);
    }

    private void deleteConsumer(String durable) throws IOException {
        try {
            nc.jetStreamManagement().deleteConsumer(names.eventsStream(), durable);
        } catch (JetStreamApiException absent) {
            // first round: nothing to delete
        }
    }

    /** Deletes the stream and the Kafka topics of this run. */
    public void cleanUp() throws Exception {
        JetStreamManagement jsm = nc.jetStreamManagement();
        try {
            jsm.deleteStream(names.eventsStream());
        } catch (JetStreamApiException absent) {
            // never created
        }
        try (Admin admin = admin()) {
            admin.deleteTopics(KafkaTopics.specs(names, TopicSettings.embedded()).keySet()).all()
                    .get(60, TimeUnit.SECONDS);
        }
    }

    private Admin admin() {
        return Admin.create(java.util.Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers));
    }

    private static double seconds(long nanos) {
        return Math.max(1, nanos) / 1e9;
    }
}
