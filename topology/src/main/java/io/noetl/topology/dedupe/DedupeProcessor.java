package io.noetl.topology.dedupe;

import io.noetl.schemas.stream.NormalizedEvent;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Forwards an event only the first time its {@code event_id} is seen within the retention, so a redelivered event
 * (a re-publish, a bridge restart, a producer retry) is counted once by everything downstream.
 *
 * <p><b>Store layout.</b> Ids are grouped per execution and per second of the time their ULID carries: the key is
 * the first {@value #BUCKET_CHARS} characters of the event id (its time to about a second) followed by the
 * execution id, the value a {@link SeenIds} set of the ids in that group, each with the stream time it was first
 * seen. Events of one execution arrive together, so with the store's record cache the many events of an execution
 * within one commit interval become one changelog record instead of one each; a redelivered event maps to the same
 * key, since both parts come from the event itself.
 *
 * <p><b>Expiry.</b> Keys sort by the time of their ids, so an expiry pass (on stream time, every
 * {@link #sweepInterval(Duration)}) reads only the groups of ids made before the cutoff and drops the ids first seen
 * before it; ids first seen late (a backlog, a producer clock running behind) are kept until their own first sight
 * is older than the retention, ids from a clock far ahead until the stream reaches their time.
 */
public final class DedupeProcessor implements FixedKeyProcessor<String, NormalizedEvent, NormalizedEvent> {

    /** Leading characters of a ULID kept in the key: 40 of its 48 time bits, groups of 1024 ms. */
    static final int BUCKET_CHARS = 8;
    private static final Logger LOG = LoggerFactory.getLogger(DedupeProcessor.class);

    private final String storeName;
    private final Duration retention;
    private FixedKeyProcessorContext<String, NormalizedEvent> context;
    private KeyValueStore<String, byte[]> seen;

    public DedupeProcessor(String storeName, Duration retention) {
        this.storeName = storeName;
        this.retention = retention;
    }

    /** A tenth of the retention, between 1 s and 1 min. */
    static Duration sweepInterval(Duration retention) {
        long ms = Math.clamp(retention.toMillis() / 10, 1_000L, 60_000L);
        return Duration.ofMillis(ms);
    }

    /** The store key of an event: the id's time to about a second, then the execution. */
    static String key(String eventId, String executionId) {
        return eventId.substring(0, BUCKET_CHARS) + executionId;
    }

    @Override
    public void init(FixedKeyProcessorContext<String, NormalizedEvent> context) {
        this.context = context;
        this.seen = context.getStateStore(storeName);
        context.schedule(sweepInterval(retention), PunctuationType.STREAM_TIME, this::expire);
    }

    @Override
    public void process(FixedKeyRecord<String, NormalizedEvent> record) {
        NormalizedEvent e = record.value();
        byte[] id;
        try {
            id = SeenIds.ulidBytes(e.eventId());
        } catch (IllegalArgumentException notUlid) { // normalization admits only ULIDs; never drop what it let in
            LOG.warn("event {} of execution {} has no ULID id: forwarded without de-duplication", e.eventId(),
                    e.executionId());
            context.forward(record);
            return;
        }
        String key = key(e.eventId(), e.executionId());
        byte[] ids = seen.get(key);
        if (SeenIds.contains(ids, id)) {
            return;
        }
        seen.put(key, SeenIds.add(ids, id, record.timestamp()));
        context.forward(record);
    }

    private void expire(long streamTime) {
        long cutoff = streamTime - retention.toMillis();
        if (cutoff <= 0) {
            return;
        }
        List<KeyValue<String, byte[]>> changed = new ArrayList<>();
        // keys of an earlier group sort before the bare prefix of the cutoff's group; that group waits for the next pass
        String upTo = UlidTimes.prefix(cutoff).substring(0, BUCKET_CHARS);
        try (KeyValueIterator<String, byte[]> it = seen.range(null, upTo)) {
            while (it.hasNext()) {
                KeyValue<String, byte[]> kv = it.next();
                byte[] kept = expired(kv.key, kv.value, cutoff);
                if (kept != kv.value) {
                    changed.add(KeyValue.pair(kv.key, kept));
                }
            }
        }
        for (KeyValue<String, byte[]> kv : changed) {
            if (kv.value == null) {
                seen.delete(kv.key);
            } else {
                seen.put(kv.key, kv.value);
            }
        }
    }

    private static byte[] expired(String key, byte[] value, long cutoff) {
        if (value == null) {
            return null;
        }
        try {
            return SeenIds.expire(value, cutoff);
        } catch (IllegalArgumentException e) {
            LOG.warn("de-duplication entry {} unreadable, dropped: {}", key, e.getMessage());
            return null;
        }
    }
}
