package io.noetl.app.bench.insights;

import io.noetl.schemas.Json;
import io.noetl.schemas.Names;
import io.noetl.schemas.stream.ExecutionTrace;
import io.noetl.schemas.stream.Kinds;
import io.noetl.schemas.stream.NormalizedEvent;
import io.noetl.sink.index.RejectedRecord;
import io.noetl.sink.index.SinkIndexes;
import io.noetl.stores.analytics.AnalyticsBatch;
import io.noetl.stores.analytics.Rejected;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * Writes chunks of the synthetic history into version 1 of the sink's indexes, current from the start as for a
 * fresh live sink: the analytics store takes the normalized events and final traces through its batch API (the rows
 * the sink would write for them), the vector index takes the error events and the traces as records of
 * {@code noetl.events} and {@code noetl.traces} through its own write path (failure, execution and playbook points,
 * embedded by the configured embedder). The two stores write on threads of their own; one chunk is written while the
 * next is generated.
 */
final class StoreLoader implements AutoCloseable {

    static final int VERSION = 1;

    private final SinkIndexes indexes;
    private final Names names;
    private final ExecutorService analyticsThread = Executors.newSingleThreadExecutor(r -> new Thread(r,
            "bench-analytics-writer"));
    private final ExecutorService vectorThread = Executors.newSingleThreadExecutor(r -> new Thread(r,
            "bench-vector-writer"));
    private final AtomicLong analyticsNanos = new AtomicLong();
    private final AtomicLong vectorNanos = new AtomicLong();
    private final List<Future<?>> inFlight = new ArrayList<>(2);
    private long offset;
    private long failurePoints;

    StoreLoader(SinkIndexes indexes, Names names) {
        this.indexes = indexes;
        this.names = names;
        for (var index : indexes.list()) {
            index.createVersion(VERSION);
            index.switchTo(VERSION);
        }
    }

    /** Writes one chunk once the previous one is written; returns at once. */
    void write(List<NormalizedEvent> events, List<ExecutionTrace> traces) throws InterruptedException {
        await();
        List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();
        for (NormalizedEvent e : events) {
            if (Kinds.ERROR.equals(e.kind())) {
                records.add(record(names.eventsTopic(), e.executionId(), Json.bytes(e)));
                failurePoints++;
            }
        }
        for (ExecutionTrace t : traces) {
            records.add(record(names.tracesTopic(), t.executionId(), Json.bytes(t)));
        }
        AnalyticsBatch batch = new AnalyticsBatch(events, traces, List.of(), List.of(), List.of());
        inFlight.add(analyticsThread.submit(() -> timed(analyticsNanos, () -> {
            List<Rejected> refused = indexes.analytics().store().write(VERSION, batch);
            if (!refused.isEmpty()) {
                throw new IllegalStateException("the analytics store refused " + refused.size()
                        + " benchmark records, e.g. " + refused.getFirst().reason());
            }
        })));
        inFlight.add(vectorThread.submit(() -> timed(vectorNanos, () -> {
            List<RejectedRecord> refused = indexes.vectors().write(VERSION, records);
            if (!refused.isEmpty()) {
                throw new IllegalStateException("the vector index refused " + refused.size()
                        + " benchmark records, e.g. " + refused.getFirst().reason());
            }
        })));
    }

    /** Waits until everything submitted is written. */
    void await() throws InterruptedException {
        for (Future<?> f : inFlight) {
            try {
                f.get();
            } catch (ExecutionException e) {
                throw new IllegalStateException("load the benchmark history: " + e.getCause().getMessage(),
                        e.getCause());
            }
        }
        inFlight.clear();
    }

    /** @return seconds the analytics store spent writing */
    double analyticsSeconds() {
        return analyticsNanos.get() / 1e9;
    }

    /** @return seconds the vector index spent embedding and writing */
    double vectorSeconds() {
        return vectorNanos.get() / 1e9;
    }

    /** @return failure points written (one per error event) */
    long failurePoints() {
        return failurePoints;
    }

    private ConsumerRecord<byte[], byte[]> record(String topic, String key, byte[] value) {
        return new ConsumerRecord<>(topic, 0, offset++, key.getBytes(StandardCharsets.UTF_8), value);
    }

    private static void timed(AtomicLong total, Runnable work) {
        long start = System.nanoTime();
        work.run();
        total.addAndGet(System.nanoTime() - start);
    }

    @Override
    public void close() {
        analyticsThread.shutdownNow();
        vectorThread.shutdownNow();
    }
}
