package io.noetl.app.bench.insights;

import io.noetl.app.bench.insights.SyntheticPlaybooks.Profile;
import io.noetl.app.bench.insights.SyntheticPlaybooks.StepProfile;
import io.noetl.insights.execution.StepView;
import io.noetl.schemas.Json;
import io.noetl.schemas.Status;
import io.noetl.schemas.event.ErrorInfo;
import io.noetl.schemas.event.Event;
import io.noetl.schemas.event.EventTypes;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Consumer;

/**
 * Runs a synthetic playbook into the raw events the server and the workers would publish: per step
 * {@code step.enter}, then per attempt {@code command.issued}, {@code command.claimed}, {@code command.started},
 * {@code call.done} or {@code call.error}, {@code command.completed} or {@code command.failed}, a
 * {@code retry.scheduled} when the step's policy retries, then {@code step.exit}; the execution's start and end;
 * and, for some failed executions, a {@code resolution.recorded} hours later. Not thread-safe; deterministic for a
 * seed.
 */
final class RunGenerator {

    /** Share of failed executions for which a person records what fixed them. */
    static final double RESOLUTION_RATE = 0.3;
    private static final String[] PEOPLE = {"alice@ops", "bob@data", "carol@platform", "dan@sre"};

    /**
     * One execution.
     *
     * @param hadErrors whether any attempt failed (retried or not)
     */
    record Run(String executionId, Profile playbook, Status status, String error, Instant startedAt, Instant endedAt,
            List<StepView> steps, List<Event> events, boolean hadErrors) {
    }

    private final Random random;
    private final EventIds ids;
    private final Instant historyStart;
    private final Instant now;

    /**
     * @param historyStart when the history starts (duration trends count days from it)
     * @param now          nothing happens after it (resolutions that would are not recorded)
     */
    RunGenerator(long seed, Instant historyStart, Instant now) {
        this.random = new Random(seed);
        this.ids = new EventIds(seed);
        this.historyStart = historyStart;
        this.now = now;
    }

    /** @return one execution of {@code pb} started at {@code start} */
    Run run(Profile pb, Instant start) {
        Emitter out = new Emitter(ids.at(start), pb.path(), start);
        out.emit(EventTypes.PLAYBOOK_STARTED, null, null, Status.RUNNING, b -> { });
        List<StepView> steps = new ArrayList<>();
        boolean hadErrors = false;
        for (StepProfile s : pb.steps()) {
            StepOutcome o = step(out, s);
            hadErrors |= o.attempts() > 1 || o.error() != null;
            steps.add(new StepView(s.name(), o.error() == null ? Status.COMPLETED : Status.FAILED, o.attempts(),
                    s.tool(), o.error(), o.startedAt(), out.time));
            if (o.error() != null) {
                String reason = "step " + s.name() + " failed: " + o.error().type() + ": " + o.error().message();
                out.advance(2);
                long total = Duration.between(start, out.time).toMillis();
                out.emit(EventTypes.PLAYBOOK_FAILED, null, null, Status.FAILED, b -> b.durationMs(total)
                        .error(o.error().withMessage(reason)));
                Instant ended = out.time;
                resolution(out, o.pattern(), s);
                return new Run(out.executionId, pb, Status.FAILED, reason, start, ended, steps, out.events, true);
            }
            out.advance(3);
        }
        long total = Duration.between(start, out.time).toMillis();
        out.emit(EventTypes.PLAYBOOK_COMPLETED, null, null, Status.COMPLETED, b -> b.durationMs(total));
        return new Run(out.executionId, pb, Status.COMPLETED, null, start, out.time, steps, out.events, hadErrors);
    }

    private record StepOutcome(int attempts, ErrorInfo error, ErrorPatterns.Pattern pattern, Instant startedAt) {
    }

    private StepOutcome step(Emitter out, StepProfile s) {
        Instant entered = out.time;
        out.emit(EventTypes.STEP_ENTER, s.name(), s.tool(), Status.RUNNING, b -> { });
        ErrorPatterns.Pattern previous = null;
        for (int attempt = 1; ; attempt++) {
            int n = attempt;
            String command = ids.at(out.time);
            String worker = "worker-" + (1 + random.nextInt(6));
            out.advance(1);
            out.emit(EventTypes.COMMAND_ISSUED, s.name(), s.tool(), Status.PENDING, b -> b.commandId(command)
                    .attempt(n));
            out.advance(3 + random.nextInt(20));
            out.emit(EventTypes.COMMAND_CLAIMED, s.name(), s.tool(), Status.RUNNING, b -> b.commandId(command)
                    .attempt(n).workerId(worker).meta(Map.of("delivered", 1)));
            out.advance(1);
            out.emit(EventTypes.COMMAND_STARTED, s.name(), s.tool(), Status.RUNNING, b -> b.commandId(command)
                    .attempt(n).workerId(worker));
            ErrorPatterns.Pattern p = previous != null && random.nextDouble() < previous.recurs() ? previous
                    : random.nextDouble() < s.failRate() ? pick(s.patterns()) : null;
            if (p == null) {
                long d = duration(s, out.time);
                out.advance(d);
                var result = Json.toTree(Map.of("rows", 1 + random.nextInt(50_000)));
                out.emit(EventTypes.CALL_DONE, s.name(), s.tool(), Status.COMPLETED, b -> b.commandId(command)
                        .attempt(n).workerId(worker).durationMs(d).result(result));
                out.advance(1);
                out.emit(EventTypes.COMMAND_COMPLETED, s.name(), s.tool(), Status.COMPLETED, b -> b.commandId(command)
                        .attempt(n).workerId(worker).durationMs(d).result(result));
                out.advance(2);
                long stepMs = Duration.between(entered, out.time).toMillis();
                out.emit(EventTypes.STEP_EXIT, s.name(), s.tool(), Status.COMPLETED, b -> b.durationMs(stepMs));
                return new StepOutcome(n, null, null, entered);
            }
            ErrorInfo error = new ErrorInfo(p.type(), ErrorPatterns.fill(p.format(), s.context(), random), null,
                    p.retriable(), p.errorClass());
            long d = errorDuration(p, s);
            Map<String, Object> meta = p.httpStatus() == null ? null : Map.of("http_status", p.httpStatus());
            out.advance(d);
            out.emit(EventTypes.CALL_ERROR, s.name(), s.tool(), Status.FAILED, b -> b.commandId(command).attempt(n)
                    .workerId(worker).durationMs(d).error(error).meta(meta));
            out.advance(1);
            out.emit(EventTypes.COMMAND_FAILED, s.name(), s.tool(), Status.FAILED, b -> b.commandId(command)
                    .attempt(n).workerId(worker).durationMs(d).error(error).meta(meta));
            out.advance(1);
            if (p.retriable() && attempt < s.maxAttempts()) {
                long delay = 500L << (attempt - 1);
                Map<String, Object> retry = new LinkedHashMap<>();
                retry.put("delay_ms", delay);
                retry.put("next_attempt", attempt + 1);
                out.emit(EventTypes.RETRY_SCHEDULED, s.name(), null, Status.PENDING, b -> b.commandId(command)
                        .attempt(n).error(error).meta(retry));
                out.advance(delay);
                previous = p;
                continue;
            }
            long stepMs = Duration.between(entered, out.time).toMillis();
            out.emit(EventTypes.STEP_EXIT, s.name(), s.tool(), Status.FAILED, b -> b.durationMs(stepMs).error(error));
            return new StepOutcome(n, error, p, entered);
        }
    }

    private void resolution(Emitter out, ErrorPatterns.Pattern cause, StepProfile s) {
        if (random.nextDouble() >= RESOLUTION_RATE) {
            return;
        }
        out.advance(Duration.ofMinutes(30 + random.nextInt(8 * 60)).toMillis());
        if (out.time.isAfter(now)) {
            return;
        }
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("text", ErrorPatterns.fill(cause.fix(), s.context(), random));
        result.put("by", PEOPLE[random.nextInt(PEOPLE.length)]);
        out.emit(EventTypes.RESOLUTION_RECORDED, null, null, Status.FAILED, b -> b.result(Json.toTree(result))
                .meta(Map.of("msg_key", Integer.toHexString(result.hashCode()))));
    }

    /** A lognormal duration around the step's median, grown by its trend since the history started. */
    private long duration(StepProfile s, Instant at) {
        double days = Duration.between(historyStart, at).toMillis() / 86_400_000.0;
        double trend = 1 + s.growthPerDay() * Math.max(0, days);
        return Math.max(5, Math.round(s.p50Ms() * Math.exp(0.45 * random.nextGaussian()) * trend));
    }

    private long errorDuration(ErrorPatterns.Pattern p, StepProfile s) {
        if (p.errorClass().equals("timeout")) {
            return s.timeoutMs() != null ? s.timeoutMs() : 30_000 + random.nextInt(30_000);
        }
        return 20 + random.nextInt(800);
    }

    private ErrorPatterns.Pattern pick(List<ErrorPatterns.Pattern> patterns) {
        // the first pattern is the step's usual failure: weights 1, 1/2, 1/3
        double r = random.nextDouble() * (patterns.size() == 1 ? 1 : patterns.size() == 2 ? 1.5 : 11 / 6.0);
        for (int i = 0; i < patterns.size(); i++) {
            r -= 1.0 / (i + 1);
            if (r <= 0) {
                return patterns.get(i);
            }
        }
        return patterns.getLast();
    }

    /** The events of one execution as they are emitted, and its clock. */
    private final class Emitter {
        final String executionId;
        final String playbook;
        final List<Event> events = new ArrayList<>(40);
        Instant time;

        Emitter(String executionId, String playbook, Instant start) {
            this.executionId = executionId;
            this.playbook = playbook;
            this.time = start;
        }

        void advance(long millis) {
            time = time.plusMillis(millis);
        }

        void emit(String type, String step, String tool, Status status, Consumer<Event.Builder> more) {
            Event.Builder b = Event.builder(type, executionId).eventId(ids.at(time)).playbookPath(playbook)
                    .playbookVersion(1).step(step).toolKind(tool).status(status.name()).timestamp(time);
            more.accept(b);
            events.add(b.build());
        }
    }
}
