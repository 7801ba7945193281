package io.noetl.sink.index;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/** Rejected records, one entry per record (reasons of several points or rows of one record are joined). */
final class Rejections {

    private final Map<ConsumerRecord<byte[], byte[]>, String> reasons = new IdentityHashMap<>();
    private final List<ConsumerRecord<byte[], byte[]>> order = new ArrayList<>();

    void add(ConsumerRecord<byte[], byte[]> r, String reason) {
        String before = reasons.get(r);
        if (before == null) {
            order.add(r);
            reasons.put(r, reason);
        } else if (!before.contains(reason)) {
            reasons.put(r, before + "; " + reason);
        }
    }

    /** @return the rejected records in the order they were first rejected */
    List<RejectedRecord> list() {
        List<RejectedRecord> out = new ArrayList<>(order.size());
        for (ConsumerRecord<byte[], byte[]> r : order) {
            out.add(new RejectedRecord(r, reasons.get(r)));
        }
        return out;
    }
}
