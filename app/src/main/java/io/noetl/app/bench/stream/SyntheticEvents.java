package io.noetl.app.bench.stream;

import io.noetl.schemas.Json;
import io.noetl.schemas.Ulid;
import io.noetl.schemas.event.ErrorInfo;
import io.noetl.schemas.event.Event;
import io.noetl.schemas.event.EventTypes;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Consumer;

/**
 * Raw execution events as workers and the server emit them, for load tests: executions of a handful of
 * playbooks, each step a full lifecycle ({@code step.enter} … {@code step.exit}), log-normal durations per
 * step, a few failures drawn from realistic error messages with varying numbers, hosts and ids, retries.
 * Deterministic for a seed; event time advances by {@code stepGapMillis} per step.
 */
public final class SyntheticEvents {

    private static final String[] TOOLS = {"http", "python", "postgres", "duckdb", "shell"};
    private static final String[] ERRORS = {
        "Connection refused: connect to db-%d.internal:5432 after %d ms",
        "HTTP 503 Service Unavailable from https://api-%d.example.com/v1/orders/%d",
        "Timeout after %d ms waiting for response from worker-%d",
        "KeyError: 'customer_%d' in transform at line %d",
        "duplicate key value violates unique constraint \"orders_pkey\" Key (id)=(%d) row %d",
        "HTTP 429 Too Many Requests: retry after %d s (quota %d)",
    };

    private final SplittableRandom random;
    private final int playbooks;
    private final int stepsPerPlaybook;
    private final double failureRate;
    private final long stepGapMillis;
    private long clock;

    /**
     * @param seed             random seed
     * @param playbooks        distinct playbooks (each with {@code stepsPerPlaybook} steps)
     * @param stepsPerPlaybook steps per execution
     * @param failureRate      probability that one attempt of a step fails
     * @param start            event time of the first event
     * @param stepGapMillis    event time between consecutive steps
     */
    public SyntheticEvents(long seed, int playbooks, int stepsPerPlaybook, double failureRate, Instant start,
            long stepGapMillis) {
        this.random = new SplittableRandom(seed);
        this.playbooks = playbooks;
        this.stepsPerPlaybook = stepsPerPlaybook;
        this.failureRate = failureRate;
        this.clock = start.toEpochMilli();
        this.stepGapMillis = stepGapMillis;
    }

    /** Events of one execution of a random playbook, in emission order. */
    public List<Event> execution() {
        int p = random.nextInt(playbooks);
        return execution("bench/playbook_" + p, p, null);
    }

    /**
     * Events of one execution.
     *
     * @param playbook     playbook path
     * @param salt         varies durations per playbook
     * @param fixedLatency when not null, every step takes this many ms (used to inject a latency spike)
     */
    public List<Event> execution(String playbook, int salt, Long fixedLatency) {
        String exec = Ulid.next();
        List<Event> out = new ArrayList<>(8 * stepsPerPlaybook + 2);
        out.add(base(exec, playbook, null, null, EventTypes.PLAYBOOK_STARTED).status("RUNNING").build());
        boolean failed = false;
        for (int s = 0; s < stepsPerPlaybook && !failed; s++) {
            String step = "step_" + s;
            String tool = TOOLS[(s + salt) % TOOLS.length];
            out.add(base(exec, playbook, step, tool, EventTypes.STEP_ENTER).status("RUNNING").build());
            int attempt = 1;
            while (true) {
                String command = Ulid.next();
                out.add(base(exec, playbook, step, tool, EventTypes.COMMAND_ISSUED).commandId(command)
                        .attempt(attempt).status("PENDING").build());
                out.add(base(exec, playbook, step, tool, EventTypes.COMMAND_CLAIMED).commandId(command)
                        .attempt(attempt).workerId("worker-" + random.nextInt(4)).build());
                out.add(base(exec, playbook, step, tool, EventTypes.COMMAND_STARTED).commandId(command)
                        .attempt(attempt).status("RUNNING").build());
                long duration = fixedLatency != null ? fixedLatency : duration(salt, s);
                clock += duration;
                boolean fails = random.nextDouble() < failureRate;
                if (!fails) {
                    out.add(base(exec, playbook, step, tool, EventTypes.CALL_DONE).commandId(command).attempt(attempt)
                            .status("COMPLETED").durationMs(duration)
                            .result(Json.mapper().valueToTree(Map.of("rows", random.nextInt(10_000)))).build());
                    out.add(base(exec, playbook, step, tool, EventTypes.COMMAND_COMPLETED).commandId(command)
                            .attempt(attempt).status("COMPLETED").build());
                    break;
                }
                out.add(base(exec, playbook, step, tool, EventTypes.CALL_ERROR).commandId(command).attempt(attempt)
                        .status("FAILED").durationMs(duration).error(error()).build());
                out.add(base(exec, playbook, step, tool, EventTypes.COMMAND_FAILED).commandId(command)
                        .attempt(attempt).status("FAILED").build());
                if (attempt >= 2) {
                    failed = true;
                    break;
                }
                out.add(base(exec, playbook, step, tool, EventTypes.RETRY_SCHEDULED).attempt(attempt + 1).build());
                attempt++;
            }
            out.add(base(exec, playbook, step, tool, EventTypes.STEP_EXIT)
                    .status(failed ? "FAILED" : "COMPLETED").build());
            clock += stepGapMillis;
        }
        out.add(base(exec, playbook, null, null, failed ? EventTypes.PLAYBOOK_FAILED : EventTypes.PLAYBOOK_COMPLETED)
                .status(failed ? "FAILED" : "COMPLETED").build());
        return out;
    }

    /** Emits executions until at least {@code events} events were handed to {@code sink}; returns how many. */
    public long emit(long events, Consumer<Event> sink) {
        long n = 0;
        while (n < events) {
            for (Event e : execution()) {
                sink.accept(e);
                n++;
            }
        }
        return n;
    }

    private Event.Builder base(String exec, String playbook, String step, String tool, String type) {
        return Event.builder(type, exec).eventId(Ulid.next()).playbookPath(playbook).playbookVersion(1).step(step)
                .toolKind(tool).timestamp(Instant.ofEpochMilli(clock));
    }

    private long duration(int salt, int step) {
        double median = 20 + 15 * ((salt * 7 + step * 13) % 11);
        return Math.max(1, Math.round(median * Math.exp(0.3 * gaussian())));
    }

    private ErrorInfo error() {
        String pattern = ERRORS[random.nextInt(ERRORS.length)];
        String message = String.format(pattern, random.nextInt(1, 50), random.nextInt(100, 99_999));
        return new ErrorInfo(pattern.startsWith("HTTP") ? "HttpError" : "ToolError", message, null,
                !pattern.startsWith("KeyError"));
    }

    private double gaussian() {
        double u = Math.max(1e-12, random.nextDouble());
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random.nextDouble());
    }
}
