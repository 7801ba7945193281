package io.noetl.server.runtime;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Single-threaded lanes, one execution always on the same lane (hash of its id): an execution's inputs are
 * applied one at a time, in arrival order, without CAS conflicts inside one replica. Each lane owns a
 * {@link StateCache}. Inbound messages queued together are handed over as one batch, so several events of
 * one execution can become one state write.
 */
final class Lanes implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Lanes.class);
    private static final int CACHE_PER_LANE = 4_096;
    private static final int MAX_BATCH = 256;
    private static final Object STOP = new Object();

    /** A message for the batch handler (as opposed to a plain task). */
    interface Inbound {
    }

    private final Lane[] lanes;
    private volatile BiConsumer<List<Inbound>, StateCache> batchHandler = (batch, cache) -> { };

    Lanes(int count) {
        lanes = new Lane[count];
        for (int i = 0; i < count; i++) {
            lanes[i] = new Lane(i);
        }
    }

    void onBatch(BiConsumer<List<Inbound>, StateCache> handler) {
        this.batchHandler = handler;
    }

    int laneOf(String executionId) {
        return Math.floorMod(executionId.hashCode(), lanes.length);
    }

    /** Queues a message for the execution's lane; it reaches the batch handler with its neighbours. */
    void deliver(String executionId, Inbound message) {
        lanes[laneOf(executionId)].queue.add(message);
    }

    /** Runs {@code task} on the execution's lane with that lane's cache; errors are logged. */
    void execute(String executionId, Consumer<StateCache> task) {
        lanes[laneOf(executionId)].queue.add(task);
    }

    /** Runs {@code task} on the execution's lane and hands its result back. */
    <T> CompletableFuture<T> call(String executionId, Function<StateCache, T> task) {
        CompletableFuture<T> result = new CompletableFuture<>();
        execute(executionId, cache -> {
            try {
                result.complete(task.apply(cache));
            } catch (RuntimeException e) {
                result.completeExceptionally(e);
            }
        });
        return result;
    }

    /** Lets every lane finish what is queued (bounded wait), then stops it. */
    @Override
    public void close() {
        for (Lane lane : lanes) {
            lane.queue.add(STOP);
        }
        long deadline = System.nanoTime() + 5_000_000_000L;
        for (Lane lane : lanes) {
            try {
                lane.thread.join(Math.max(1, (deadline - System.nanoTime()) / 1_000_000));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            lane.thread.interrupt();
        }
    }

    private final class Lane {
        final BlockingQueue<Object> queue = new LinkedBlockingQueue<>();
        final StateCache cache = new StateCache(CACHE_PER_LANE);
        final Thread thread;

        Lane(int index) {
            thread = Thread.ofPlatform().daemon().name("lane-" + index).start(this::run);
        }

        private void run() {
            List<Object> batch = new ArrayList<>(MAX_BATCH);
            List<Inbound> inbound = new ArrayList<>(MAX_BATCH);
            while (!Thread.currentThread().isInterrupted()) {
                try {
                    batch.add(queue.take());
                } catch (InterruptedException e) {
                    return;
                }
                queue.drainTo(batch, MAX_BATCH - 1);
                boolean stop = false;
                for (Object item : batch) {
                    if (item == STOP) {
                        stop = true;
                    } else if (item instanceof Inbound message) {
                        inbound.add(message);
                    } else {
                        flush(inbound);
                        runTask(item);
                    }
                }
                flush(inbound);
                batch.clear();
                if (stop) {
                    return;
                }
            }
        }

        private void flush(List<Inbound> inbound) {
            if (inbound.isEmpty()) {
                return;
            }
            try {
                batchHandler.accept(List.copyOf(inbound), cache);
            } catch (RuntimeException e) {
                LOG.error("{}: batch of {} messages failed", thread.getName(), inbound.size(), e);
            }
            inbound.clear();
        }

        @SuppressWarnings("unchecked")
        private void runTask(Object item) {
            try {
                ((Consumer<StateCache>) item).accept(cache);
            } catch (RuntimeException e) {
                LOG.error("{}: task failed", thread.getName(), e);
            }
        }
    }
}
