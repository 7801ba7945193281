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

/**
 * Forwards an event only the first time its {@code event_id} is seen within the retention, so a redelivered event
 * (a re-publish, a bridge restart, a producer retry) is counted once by everything downstream.
 *
 * <p>The store maps {@code event_id} to the stream time it was first seen. Event ids are ULIDs (checked on
 * normalization), which sort by the time they carry, so expiry is a range delete of the ids older than the cutoff:
 * lookups are point reads, and an expiry pass reads only what it deletes plus the ids first seen late (a backlog,
 * a producer clock running behind), which are kept until their own first sight is older than the retention. Ids
 * from a clock far ahead are kept until the stream reaches their time. Expiry runs on stream time, every
 * {@link #sweepInterval(Duration)}.
 */
public final class DedupeProcessor implements FixedKeyProcessor<String, NormalizedEvent, NormalizedEvent> {

    private final String storeName;
    private final Duration retention;
    private FixedKeyProcessorContext<String, NormalizedEvent> context;
    private KeyValueStore<String, Long> seen;

    public DedupeProcessor(String storeName, Duration retention) {
        this.storeName = storeName;
        this.retention = retention;
    }

    /** A tenth of the retention, between 1 s and 1 min. */
    static Duration sweepInterval(Duration retention) {
        long ms = Math.clamp(retention.toMillis() / 10, 1_000L, 60_000L);
        return Duration.ofMillis(ms);
    }

    @Override
    public void init(FixedKeyProcessorContext<String, NormalizedEvent> context) {
        this.context = context;
        this.seen = context.getStateStore(storeName);
        context.schedule(sweepInterval(retention), PunctuationType.STREAM_TIME, this::expire);
    }

    @Override
    public void process(FixedKeyRecord<String, NormalizedEvent> record) {
        String id = record.value().eventId();
        if (seen.get(id) != null) {
            return;
        }
        seen.put(id, record.timestamp());
        context.forward(record);
    }

    private void expire(long streamTime) {
        long cutoff = streamTime - retention.toMillis();
        if (cutoff <= 0) {
            return;
        }
        List<String> expired = new ArrayList<>();
        try (KeyValueIterator<String, Long> it = seen.range(null, UlidTimes.prefix(cutoff))) {
            while (it.hasNext()) {
                KeyValue<String, Long> kv = it.next();
                if (kv.value == null || kv.value < cutoff) {
                    expired.add(kv.key);
                }
            }
        }
        expired.forEach(seen::delete);
    }
}
