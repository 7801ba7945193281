package io.noetl.app.bench.sink;

import io.noetl.schemas.event.ErrorInfo;
import io.noetl.schemas.stream.Kinds;
import io.noetl.schemas.stream.NormalizedEvent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Normalized events as the topology writes them to {@code noetl.events}, for the sink benchmark: executions of a
 * few playbooks whose steps start and end (or fail and retry), with failures drawn from a handful of error templates
 * whose values vary (hosts, ports, row counts, durations) — many repeats of few templates, as in production.
 * Deterministic for a seed.
 */
final class SinkBenchEvents {

    /** Error templates (as the miner writes them) and how to fill each one's message. */
    private static final String[][] TEMPLATES = {
        {"connection", "connection refused to <*>:<*>", "connection refused to db-%d.internal:%d"},
        {"timeout", "read timed out after <*> ms calling <*>", "read timed out after %d ms calling /api/v%d/orders"},
        {"http_5xx", "HTTP <*> from <*>", "HTTP 50%d from payments-%d.svc"},
        {"data", "null value in column <*> violates not-null constraint", "null value in column col_%d violates "
                + "not-null constraint (row %d)"},
        {"data", "duplicate key value violates unique constraint <*>", "duplicate key value violates unique "
                + "constraint orders_pkey_%d (id=%d)"},
        {"auth", "token expired at <*>", "token expired at 2026-11-%02d (session %d)"},
        {"resource", "out of memory: requested <*> bytes", "out of memory: requested %d bytes (pool %d)"},
        {"python", "KeyError: <*>", "KeyError: 'field_%d' in record %d"},
    };
    private static final String[] TOOLS = {"python", "http", "postgres", "duckdb", "shell"};

    private final SplittableRandom random;
    private final double failureRate;
    private final Instant start;
    private long sequence;

    /**
     * @param seed        random seed
     * @param failureRate share of attempts that fail (each failure is retried once)
     */
    SinkBenchEvents(long seed, double failureRate) {
        this.random = new SplittableRandom(seed);
        this.failureRate = failureRate;
        this.start = Instant.parse("2026-11-24T00:00:00Z");
    }

    /** @return at least {@code n} events: whole executions, cut to exactly {@code n} */
    List<NormalizedEvent> events(int n) {
        List<NormalizedEvent> out = new ArrayList<>(n + 64);
        while (out.size() < n) {
            execution(out);
        }
        return out.subList(0, n);
    }

    /** @return {@code n} failure events only (the vector path's input) */
    List<NormalizedEvent> failures(int n) {
        List<NormalizedEvent> out = new ArrayList<>(n);
        String executionId = id();
        for (int i = 0; i < n; i++) {
            if (i % 50 == 0) {
                executionId = id();
            }
            int p = random.nextInt(10);
            int s = random.nextInt(5);
            out.add(failure(executionId, "bench/pipeline_" + p, "step_" + s, TOOLS[s], 1, time()));
        }
        return out;
    }

    private void execution(List<NormalizedEvent> out) {
        String executionId = id();
        int p = random.nextInt(10);
        String playbook = "bench/pipeline_" + p;
        for (int s = 0; s < 5; s++) {
            String step = "step_" + s;
            String tool = TOOLS[(p + s) % TOOLS.length];
            int attempt = 1;
            boolean failed = random.nextDouble() < failureRate;
            out.add(event(executionId, playbook, step, tool, "command.started", Kinds.TASK_START, "RUNNING", attempt,
                    null));
            if (failed) {
                out.add(failure(executionId, playbook, step, tool, attempt, time()));
                attempt++;
                out.add(event(executionId, playbook, step, tool, "command.started", Kinds.TASK_START, "RUNNING",
                        attempt, null));
            }
            long duration = 20 + (long) (random.nextDouble() * random.nextDouble() * 2_000) + s * 15L;
            out.add(event(executionId, playbook, step, tool, "call.done", Kinds.TASK_END, "COMPLETED", attempt,
                    duration));
        }
    }

    private NormalizedEvent event(String executionId, String playbook, String step, String tool, String type,
            String kind, String status, int attempt, Long durationMs) {
        Instant t = time();
        return new NormalizedEvent(id(), executionId, null, null, "cmd-" + sequence, playbook, 1, step, tool, type,
                kind, status, t, t, durationMs, attempt, "worker-" + (sequence % 4), null, null, null, null, null,
                null, null, null);
    }

    private NormalizedEvent failure(String executionId, String playbook, String step, String tool, int attempt,
            Instant t) {
        String[] template = TEMPLATES[skewed(TEMPLATES.length)];
        String message = String.format(java.util.Locale.ROOT, template[2], 1 + random.nextInt(28),
                1 + random.nextInt(9_999));
        String templateId = Integer.toHexString(template[1].hashCode());
        return new NormalizedEvent(id(), executionId, null, null, "cmd-" + sequence, playbook, 1, step, tool,
                "call.error", Kinds.ERROR, "FAILED", t, t, 100L + random.nextInt(900), attempt,
                "worker-" + (sequence % 4), null, ErrorInfo.retriable("StepError", message), null, null, template[0],
                templateId, template[1], null);
    }

    /** A few templates dominate: index i is drawn with weight 1 / (i + 1). */
    private int skewed(int n) {
        double total = 0;
        for (int i = 0; i < n; i++) {
            total += 1.0 / (i + 1);
        }
        double r = random.nextDouble() * total;
        for (int i = 0; i < n; i++) {
            r -= 1.0 / (i + 1);
            if (r <= 0) {
                return i;
            }
        }
        return n - 1;
    }

    private Instant time() {
        return start.plusMillis(sequence * 7);
    }

    private String id() {
        sequence++;
        return String.format(java.util.Locale.ROOT, "01BENCH%019d", sequence);
    }
}
