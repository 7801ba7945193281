package io.noetl.topology;

import io.noetl.schemas.stream.NormalizedEvent;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;

/** Gives a normalized record the event's own (skew-clamped) timestamp, so windows downstream are in event time. */
final class EventTimestamp implements FixedKeyProcessor<String, NormalizedEvent, NormalizedEvent> {

    private FixedKeyProcessorContext<String, NormalizedEvent> context;

    @Override
    public void init(FixedKeyProcessorContext<String, NormalizedEvent> context) {
        this.context = context;
    }

    @Override
    public void process(FixedKeyRecord<String, NormalizedEvent> record) {
        context.forward(record.withTimestamp(record.value().timestamp().toEpochMilli()));
    }
}
