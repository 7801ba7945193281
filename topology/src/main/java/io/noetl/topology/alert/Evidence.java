package io.noetl.topology.alert;

import io.noetl.topology.codec.Wire;
import java.util.ArrayList;
import java.util.List;

/** A bounded ring of recent (execution id, time) pairs: the executions an alert names as evidence. */
final class Evidence {

    private final String[] ids;
    private final long[] times;
    private int count;
    private int head;

    Evidence(int size) {
        this.ids = new String[size];
        this.times = new long[size];
    }

    void add(String executionId, long timeMs) {
        ids[head] = executionId;
        times[head] = timeMs;
        head = (head + 1) % ids.length;
        count = Math.min(count + 1, ids.length);
    }

    /** Distinct execution ids, oldest first. */
    List<String> executionIds() {
        return executionIdsSince(Long.MIN_VALUE);
    }

    /** Distinct execution ids of entries at or after {@code sinceMs}, oldest first. */
    List<String> executionIdsSince(long sinceMs) {
        List<String> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            int j = (head - count + i + ids.length) % ids.length;
            String id = ids[j];
            if (id != null && times[j] >= sinceMs && !out.contains(id)) {
                out.add(id);
            }
        }
        return out;
    }

    /** Time of the oldest entry, or {@code fallback} when empty. */
    long oldestTime(long fallback) {
        return count == 0 ? fallback : times[(head - count + ids.length) % ids.length];
    }

    boolean isEmpty() {
        return count == 0;
    }

    void writeTo(Wire.Out out) {
        out.varLong(count);
        for (int i = 0; i < count; i++) {
            int j = (head - count + i + ids.length) % ids.length;
            out.string(ids[j]).zigZag(times[j]);
        }
    }

    void readFrom(Wire.In in) {
        int n = in.varInt();
        for (int i = 0; i < n; i++) {
            add(in.string(), in.zigZag());
        }
    }
}
