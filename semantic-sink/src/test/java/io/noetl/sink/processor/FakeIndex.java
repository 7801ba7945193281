package io.noetl.sink.processor;

import io.noetl.sink.index.IndexTarget;
import io.noetl.sink.index.RejectedRecord;
import io.noetl.sink.index.SinkIndex;
import io.noetl.sink.index.SinkUnavailableException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * An in-memory index of topic {@code t}: it refuses records whose value is {@code bad}, can refuse the next writes as
 * unavailable, and can hold its writes until released.
 */
final class FakeIndex implements SinkIndex {

    static final String TOPIC = "t";

    private final IndexTarget target;
    private final List<List<Long>> writes = new CopyOnWriteArrayList<>();
    private final AtomicInteger unavailable = new AtomicInteger();
    private volatile CountDownLatch gate = new CountDownLatch(0);
    private volatile int current;

    FakeIndex(IndexTarget target) {
        this.target = target;
    }

    /** The next {@code n} writes throw {@link SinkUnavailableException}. */
    void failNext(int n) {
        unavailable.set(n);
    }

    /** Writes wait until {@link #release()}. */
    void hold() {
        gate = new CountDownLatch(1);
    }

    void release() {
        gate.countDown();
    }

    /** @return the offsets of each accepted write, in order */
    List<List<Long>> writes() {
        return writes;
    }

    @Override
    public IndexTarget target() {
        return target;
    }

    @Override
    public Set<String> topics() {
        return Set.of(TOPIC);
    }

    @Override
    public int currentVersion() {
        return current;
    }

    @Override
    public List<Integer> versions() {
        return current == 0 ? List.of() : List.of(current);
    }

    @Override
    public void createVersion(int version) {
    }

    @Override
    public void switchTo(int version) {
        current = version;
    }

    @Override
    public void dropVersion(int version) {
    }

    @Override
    public List<RejectedRecord> write(int version, List<ConsumerRecord<byte[], byte[]>> records) {
        try {
            if (!gate.await(10, TimeUnit.SECONDS)) {
                throw new IllegalStateException("write held for too long");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        if (unavailable.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            throw new SinkUnavailableException("write " + records.size() + " records", null);
        }
        List<RejectedRecord> refused = new ArrayList<>();
        for (ConsumerRecord<byte[], byte[]> r : records) {
            if ("bad".equals(new String(r.value(), StandardCharsets.UTF_8))) {
                refused.add(new RejectedRecord(r, "bad value"));
            }
        }
        writes.add(records.stream().map(ConsumerRecord::offset).toList());
        return refused;
    }

    @Override
    public long count(int version) {
        return writes.stream().mapToLong(List::size).sum();
    }

    @Override
    public void close() {
    }
}
