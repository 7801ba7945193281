package io.noetl.sink.index;

import io.noetl.schemas.stream.ExecutionTrace;
import io.noetl.schemas.stream.NormalizedEvent;
import io.noetl.stores.vector.Payload;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * One batch of records mapped to point drafts ({@link VectorMapping}): a failure point per {@code error} event, one
 * execution point per execution (from its trace with the most events), and each playbook version seen in the traces,
 * whose steps are merged with what its stored point holds when the batch is written. Records that cannot be decoded
 * are rejected with the reason.
 */
final class VectorBatch {

    private final Rejections rejected = new Rejections();
    private final List<PointDraft> failures = new ArrayList<>();
    private final Map<String, PointDraft> executions = new LinkedHashMap<>();
    private final Map<String, ExecutionTrace> latest = new HashMap<>();
    private final Map<String, PlaybookSeen> playbooks = new LinkedHashMap<>();
    /** Records that would give points: error events and traces. */
    private final List<ConsumerRecord<byte[], byte[]>> sources = new ArrayList<>();

    private VectorBatch() {
    }

    /** Decodes the records of the events and traces topics; records of other topics are ignored. */
    static VectorBatch map(List<ConsumerRecord<byte[], byte[]>> records, String eventsTopic, String tracesTopic) {
        VectorBatch batch = new VectorBatch();
        for (ConsumerRecord<byte[], byte[]> r : records) {
            try {
                if (r.topic().equals(eventsTopic)) {
                    Optional<PointDraft> failure = VectorMapping.failure(RecordDecoder.decode(r,
                            NormalizedEvent.class), r);
                    failure.ifPresent(batch.failures::add);
                    failure.ifPresent(f -> batch.sources.add(r));
                } else if (r.topic().equals(tracesTopic)) {
                    batch.addTrace(RecordDecoder.decode(r, ExecutionTrace.class), r);
                    batch.sources.add(r);
                }
            } catch (IllegalArgumentException e) {
                batch.rejected.add(r, e.getMessage());
            }
        }
        return batch;
    }

    /** @return the records rejected so far; the write adds those whose points the store refuses */
    Rejections rejected() {
        return rejected;
    }

    /**
     * Refuses the whole batch: every record that would give a point is rejected with {@code reason}.
     *
     * @return the records rejected, those that could not be decoded included
     */
    List<RejectedRecord> refuseAll(String reason) {
        sources.forEach(r -> rejected.add(r, reason));
        return rejected.list();
    }

    /**
     * @param stored the stored payload of a playbook point, by key
     * @return the failure points, the execution points, then the playbook points merged with their stored payloads
     */
    List<PointDraft> drafts(Function<String, Optional<Payload>> stored) {
        List<PointDraft> drafts = new ArrayList<>(failures);
        drafts.addAll(executions.values());
        for (PlaybookSeen seen : playbooks.values()) {
            drafts.add(seen.merged(stored.apply(VectorMapping.playbookKey(seen.path, seen.version))));
        }
        return drafts;
    }

    private void addTrace(ExecutionTrace t, ConsumerRecord<byte[], byte[]> r) {
        PointDraft d = VectorMapping.execution(t, r);
        ExecutionTrace before = latest.get(t.executionId());
        if (before == null || t.eventCount() >= before.eventCount()) {
            latest.put(t.executionId(), t);
            executions.put(t.executionId(), d);
        }
        if (!VectorMapping.blank(t.playbookPath())) {
            String key = VectorMapping.playbookKey(t.playbookPath(), t.playbookVersion());
            playbooks.computeIfAbsent(key, k -> new PlaybookSeen(t.playbookPath(), t.playbookVersion(), r)).add(t);
        }
    }

    /** Steps and the latest time of one playbook version over the traces of a batch. */
    private static final class PlaybookSeen {
        private final String path;
        private final Integer version;
        private final ConsumerRecord<byte[], byte[]> source;
        private List<String> steps = List.of();
        private Instant time;

        PlaybookSeen(String path, Integer version, ConsumerRecord<byte[], byte[]> source) {
            this.path = path;
            this.version = version;
            this.source = source;
        }

        void add(ExecutionTrace t) {
            steps = VectorMapping.union(steps, VectorMapping.stepEntries(t));
            time = VectorMapping.later(time,
                    VectorMapping.firstNonNull(t.lastEventAt(), t.endedAt(), t.startedAt()));
        }

        PointDraft merged(Optional<Payload> existing) {
            List<String> all = existing.map(p -> VectorMapping.union(VectorMapping.stepEntries(p.text()), steps))
                    .orElse(steps);
            Instant t = existing.map(p -> VectorMapping.later(p.time(), time)).orElse(time);
            return VectorMapping.playbook(path, version, all, t, source);
        }
    }
}
