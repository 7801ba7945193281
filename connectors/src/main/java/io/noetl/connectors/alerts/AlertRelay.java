package io.noetl.connectors.alerts;

import io.nats.client.Connection;
import io.nats.client.JetStream;
import io.nats.client.JetStreamApiException;
import io.nats.client.PublishOptions;
import io.nats.client.api.PublishAck;
import io.noetl.schemas.Names;
import io.noetl.schemas.nats.JetStreamSetup;
import io.noetl.schemas.wire.WireLayout;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.LongAdder;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes every alert of the Kafka topic {@code noetl.alerts} to JetStream {@code noetl.alerts.<severity>}
 * for live subscribers, bytes unchanged, with {@code Nats-Msg-Id} = the alert id so a retry is absorbed. Kafka
 * offsets are committed only after JetStream acknowledged the publishes; a failed publish is retried, never
 * dropped. Instances share the consumer group {@code <prefix>noetl-alert-relay}.
 */
public final class AlertRelay implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(AlertRelay.class);
    private static final Duration POLL = Duration.ofMillis(500);

    private final Connection nc;
    private final Names names;
    private final AlertRelaySettings settings;
    private final KafkaConsumer<byte[], byte[]> consumer;
    private final Thread thread;
    private final LongAdder relayed = new LongAdder();
    private volatile boolean stopping;

    private AlertRelay(Connection nc, Names names, AlertRelaySettings settings) {
        this.nc = nc;
        this.names = names;
        this.settings = settings;
        String clientId = names.prefix() + "noetl-alert-relay-" + Long.toHexString(System.nanoTime());
        this.consumer = new KafkaConsumer<>(settings.consumerProperties(groupId(names), clientId));
        this.thread = Thread.ofPlatform().name(clientId).daemon().unstarted(this::run);
    }

    /** Starts relaying on {@code nc} (owned by the caller, closed after this relay); returns at once. */
    public static AlertRelay start(Connection nc, Names names, AlertRelaySettings settings) {
        AlertRelay relay = new AlertRelay(nc, names, settings);
        relay.thread.start();
        LOG.info("relaying Kafka {} to {} at {}", names.alertsTopic(), names.alertsWildcard(), settings.bootstrapServers());
        return relay;
    }

    /** The Kafka consumer group of the relay instances. */
    public static String groupId(Names names) {
        return names.prefix() + "noetl-alert-relay";
    }

    /** Alerts published to JetStream and acknowledged. */
    public long relayed() {
        return relayed.sum();
    }

    private void run() {
        try {
            if (!ensureStream()) {
                return;
            }
            consumer.subscribe(List.of(names.alertsTopic()));
            long backoffMs = 200;
            while (!stopping) {
                ConsumerRecords<byte[], byte[]> records = consumer.poll(POLL);
                if (records.isEmpty()) {
                    continue;
                }
                if (publishAll(records)) {
                    consumer.commitSync(nextOffsets(records));
                    backoffMs = 200;
                } else {
                    // read the same records again after a pause; the msg ids absorb what did get through
                    for (TopicPartition tp : records.partitions()) {
                        consumer.seek(tp, records.records(tp).get(0).offset());
                    }
                    TimeUnit.MILLISECONDS.sleep(backoffMs);
                    backoffMs = Math.min(5_000, backoffMs * 2);
                }
            }
        } catch (WakeupException | InterruptedException stopped) {
            // close() asked us to stop
        } catch (RuntimeException e) {
            LOG.error("alert relay stopped by an unexpected failure; uncommitted alerts are relayed on the next start", e);
        } finally {
            consumer.close(Duration.ofSeconds(5));
        }
    }

    private boolean publishAll(ConsumerRecords<byte[], byte[]> records) throws InterruptedException {
        JetStream js;
        try {
            js = nc.jetStream();
        } catch (IOException e) {
            LOG.warn("no JetStream context for alerts: {}", e.toString());
            return false;
        }
        List<CompletableFuture<PublishAck>> acks = new ArrayList<>(records.count());
        for (ConsumerRecord<byte[], byte[]> record : records) {
            AlertRouting routing = AlertRouting.of(record);
            if (routing.problem() != null) {
                LOG.warn("alert at {}-{} offset {}: {}; published under '{}'", record.topic(), record.partition(),
                        record.offset(), routing.problem(), routing.severity());
            }
            byte[] body = record.value() == null ? new byte[0] : record.value();
            PublishOptions options = PublishOptions.builder().messageId(routing.msgId()).build();
            try {
                acks.add(js.publishAsync(names.alerts(routing.severity()), body, options));
            } catch (RuntimeException e) {
                acks.add(CompletableFuture.failedFuture(e));
            }
        }
        try {
            CompletableFuture.allOf(acks.toArray(CompletableFuture[]::new))
                    .get(settings.publishTimeout().toMillis(), TimeUnit.MILLISECONDS);
            relayed.add(acks.size());
            return true;
        } catch (ExecutionException | TimeoutException e) {
            LOG.warn("publishing {} alerts to JetStream failed, retrying: {}", acks.size(), e.toString());
            return false;
        }
    }

    private static Map<TopicPartition, OffsetAndMetadata> nextOffsets(ConsumerRecords<byte[], byte[]> records) {
        Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
        for (TopicPartition tp : records.partitions()) {
            List<ConsumerRecord<byte[], byte[]>> list = records.records(tp);
            offsets.put(tp, new OffsetAndMetadata(list.get(list.size() - 1).offset() + 1));
        }
        return offsets;
    }

    /** Ensures the alerts stream ({@link WireLayout#alerts}); retries until NATS answers. */
    private boolean ensureStream() throws InterruptedException {
        long backoffMs = 200;
        while (!stopping) {
            try {
                JetStreamSetup.ensureStream(nc.jetStreamManagement(), WireLayout.alerts(names));
                return true;
            } catch (IOException | JetStreamApiException | RuntimeException e) {
                LOG.warn("cannot ensure stream {} yet, retrying in {} ms: {}", names.alertsStream(), backoffMs,
                        e.toString());
            }
            TimeUnit.MILLISECONDS.sleep(backoffMs);
            backoffMs = Math.min(5_000, backoffMs * 2);
        }
        return false;
    }

    /** Stops polling; alerts published but not committed are relayed again by the next instance (and de-duplicated). */
    @Override
    public void close() {
        stopping = true;
        consumer.wakeup();
        try {
            thread.join(Duration.ofSeconds(10));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        LOG.info("alert relay stopped: {} alerts relayed", relayed());
    }
}
