package io.noetl.sink.replay;

import io.noetl.sink.index.SinkIndex;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.TopicPartition;

/** What a replay copies for one index: versions, its group, and per partition the position and the end offset. */
final class ReplayPlan {

    final SinkIndex index;
    final int from;
    final int to;
    /** The group committing positions; null in {@code --since} mode. */
    final String group;
    final boolean resumed;
    final Map<TopicPartition, Long> position;
    final Map<TopicPartition, Long> end;

    ReplayPlan(SinkIndex index, int from, int to, String group, boolean resumed, Map<TopicPartition, Long> start,
            Map<TopicPartition, Long> end) {
        this.index = index;
        this.from = from;
        this.to = to;
        this.group = group;
        this.resumed = resumed;
        this.position = new HashMap<>(start);
        this.end = new HashMap<>(end);
    }

    /** @return records between the positions and the end offsets */
    long remaining() {
        long n = 0;
        for (Map.Entry<TopicPartition, Long> e : end.entrySet()) {
            n += Math.max(0, e.getValue() - position.get(e.getKey()));
        }
        return n;
    }

    /** @return the partitions not yet copied to their end */
    List<TopicPartition> open() {
        List<TopicPartition> open = new ArrayList<>();
        end.forEach((tp, e) -> {
            if (position.get(tp) < e) {
                open.add(tp);
            }
        });
        return open;
    }
}
