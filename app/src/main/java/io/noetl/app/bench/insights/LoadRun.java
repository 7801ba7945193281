package io.noetl.app.bench.insights;

import com.sun.management.OperatingSystemMXBean;
import io.noetl.insights.Insights;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import org.HdrHistogram.Histogram;

/**
 * Concurrent clients asking the four questions in turn (each starting at another one), with varied executions,
 * playbooks and queries, until a deadline. Latency is recorded per operation in HdrHistograms (microseconds), one
 * per client, merged at the end; a failed call counts as an error of its operation, with the first message kept.
 */
final class LoadRun {

    /** Longest latency the histograms track: 10 minutes, in microseconds. */
    private static final long MAX_MICROS = Duration.ofMinutes(10).toNanos() / 1000;

    private final Insights insights;
    private final Workload workload;
    private final int clients;
    private final long seed;

    LoadRun(Insights insights, Workload workload, int clients, long seed) {
        this.insights = insights;
        this.workload = workload;
        this.clients = clients;
        this.seed = seed;
    }

    /**
     * Runs the clients for {@code length}.
     *
     * @return per operation what was measured, and the elapsed seconds
     */
    Measured run(Duration length) throws InterruptedException {
        List<Client> all = new ArrayList<>(clients);
        List<Thread> threads = new ArrayList<>(clients);
        CountDownLatch go = new CountDownLatch(1);
        long[] window = new long[2];
        for (int i = 0; i < clients; i++) {
            Client c = new Client(new Random(seed * 31 + i), i);
            all.add(c);
            threads.add(Thread.ofPlatform().name("insights-client-" + i).start(() -> {
                try {
                    go.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
                c.runUntil(window[1]);
            }));
        }
        OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        double loadBefore = os.getSystemLoadAverage();
        long cpuBefore = os.getProcessCpuTime();
        window[0] = System.nanoTime();
        window[1] = window[0] + length.toNanos();
        go.countDown();
        for (Thread t : threads) {
            t.join();
        }
        double seconds = (System.nanoTime() - window[0]) / 1e9;
        double cpuSeconds = (os.getProcessCpuTime() - cpuBefore) / 1e9;
        Map<Operation, OperationStats> merged = new EnumMap<>(Operation.class);
        for (Operation op : Operation.values()) {
            OperationStats total = new OperationStats(op, new Histogram(MAX_MICROS, 3));
            all.forEach(c -> total.add(c.stats.get(op)));
            merged.put(op, total);
        }
        return new Measured(merged, seconds, cpuSeconds, loadBefore, os.getSystemLoadAverage());
    }

    /**
     * What one run measured.
     *
     * @param seconds    elapsed
     * @param cpuSeconds CPU time the whole process used meanwhile (clients, stores, their threads, GC)
     * @param loadBefore the machine's 1-minute load average when the run started (negative when unknown)
     * @param loadAfter  the same when it ended
     */
    record Measured(Map<Operation, OperationStats> stats, double seconds, double cpuSeconds, double loadBefore,
            double loadAfter) {
    }

    /** One client: its own random source and statistics. */
    private final class Client {
        private final Random random;
        private final int first;
        final Map<Operation, OperationStats> stats = new EnumMap<>(Operation.class);

        Client(Random random, int first) {
            this.random = random;
            this.first = first;
            for (Operation op : Operation.values()) {
                stats.put(op, new OperationStats(op, new Histogram(MAX_MICROS, 3)));
            }
        }

        void runUntil(long deadline) {
            Operation[] ops = Operation.values();
            for (int i = first; System.nanoTime() < deadline; i++) {
                Operation op = ops[i % ops.length];
                OperationStats s = stats.get(op);
                long start = System.nanoTime();
                try {
                    Operation.Facts facts = op.call(insights, workload, random);
                    s.answered(Math.min(MAX_MICROS, (System.nanoTime() - start) / 1000), facts);
                } catch (RuntimeException e) {
                    s.failed(e);
                }
            }
        }
    }
}
