package io.noetl.topology.normalize;

import io.noetl.topology.TopologyConfig;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.processor.api.RecordMetadata;

/**
 * Normalizes raw records ({@link Normalizer}) and re-keys them by execution id; never throws on bad input, so a
 * poison record cannot stop the stream thread. An accepted event's record carries the event's own (skew-clamped)
 * timestamp, so windows downstream are in event time; a dead letter keeps the raw record's.
 */
public final class NormalizeProcessor implements Processor<byte[], byte[], String, NormalizeOutcome> {

    private final Normalizer normalizer;
    private ProcessorContext<String, NormalizeOutcome> context;

    public NormalizeProcessor(TopologyConfig cfg) {
        this.normalizer = new Normalizer(cfg);
    }

    @Override
    public void init(ProcessorContext<String, NormalizeOutcome> context) {
        this.context = context;
    }

    @Override
    public void process(Record<byte[], byte[]> record) {
        RecordMetadata meta = context.recordMetadata().orElse(null);
        Normalizer.Origin origin = meta == null ? new Normalizer.Origin(null, -1, -1)
                : new Normalizer.Origin(meta.topic(), meta.partition(), meta.offset());
        NormalizeOutcome outcome = normalizer.normalize(record.key(), record.value(), origin, record.timestamp(),
                context.currentSystemTimeMs());
        switch (outcome) {
            case NormalizeOutcome.Accepted a -> context.forward(record.withKey(a.event().executionId())
                    .withValue(outcome).withTimestamp(a.event().timestamp().toEpochMilli()));
            case NormalizeOutcome.Rejected r -> context.forward(record.withKey(r.key()).withValue(outcome));
        }
    }
}
