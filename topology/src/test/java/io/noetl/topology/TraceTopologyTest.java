package io.noetl.topology;

import static org.assertj.core.api.Assertions.assertThat;

import io.noetl.schemas.Json;
import io.noetl.schemas.SchemaValidator;
import io.noetl.schemas.Ulid;
import io.noetl.schemas.event.ErrorInfo;
import io.noetl.schemas.event.Event;
import io.noetl.schemas.event.EventTypes;
import io.noetl.schemas.stream.ExecutionTrace;
import io.noetl.schemas.stream.StepTrace;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TraceTopologyTest {

    private static final ErrorInfo TIMEOUT = ErrorInfo.retriable("Timeout", "timed out after 30s calling /api/v1/load");

    @TempDir
    Path stateDir;

    @Test
    @DisplayName("a completed execution gives a trace with its steps, attempts, durations and status")
    void completedExecutionTrace() {
        Scenario s = new Scenario("etl/daily", Driver.T0).started().step("extract", 3).retriedStep("load", TIMEOUT)
                .completed();
        try (Driver d = new Driver(stateDir)) {
            d.pipeAll(s.events());
            ExecutionTrace t = d.traceOf(s.executionId);
            assertThat(t.status()).isEqualTo("COMPLETED");
            assertThat(t.playbookPath()).isEqualTo("etl/daily");
            assertThat(t.eventCount()).isEqualTo(s.events().size());
            assertThat(t.startedAt()).isEqualTo(s.events().getFirst().timestamp());
            assertThat(t.endedAt()).isEqualTo(s.events().getLast().timestamp());
            assertThat(t.durationMs()).isEqualTo(t.endedAt().toEpochMilli() - t.startedAt().toEpochMilli());
            assertThat(t.steps()).extracting(StepTrace::step).containsExactly("extract", "load");
            StepTrace load = t.steps().get(1);
            assertThat(load.status()).isEqualTo("COMPLETED");
            assertThat(load.attempts()).hasSize(2);
            assertThat(load.attempts().get(0).status()).isEqualTo("FAILED");
            assertThat(load.attempts().get(0).errorClass()).isEqualTo("timeout");
            assertThat(load.attempts().get(0).templateId()).isNotNull();
            assertThat(load.attempts().get(1).status()).isEqualTo("COMPLETED");
            assertThat(load.errorClass()).isEqualTo("timeout");
            StepTrace extract = t.steps().get(0);
            assertThat(extract.attempts().getFirst().durationMs()).as("command.started to command.completed")
                    .isEqualTo(4_000L);
            assertThat(t.failedStep()).isNull();
            assertThat(t.rootError()).isNull();
            assertThat(SchemaValidator.validateTrace(t)).isEmpty();
        }
    }

    @Test
    @DisplayName("a resolution recorded after a failure passes as a normalized event and leaves the trace as it was")
    void resolutionIsAnAnnotationNotActivity() {
        Scenario s = new Scenario("etl/daily", Driver.T0).started().step("extract", 3)
                .failedStep("load", ErrorInfo.fatal("HttpError", "HTTP 503 from loader"));
        try (Driver d = new Driver(stateDir)) {
            d.pipeAll(s.events());
            assertThat(d.traceOf(s.executionId).eventCount()).isEqualTo(s.events().size());
            d.events.readValuesToList();
            Event resolution = Event.builder(EventTypes.RESOLUTION_RECORDED, s.executionId).playbookPath("etl/daily")
                    .playbookVersion(1).timestamp(s.now().plusSeconds(86_400))
                    .result(Json.mapper().valueToTree(java.util.Map.of("text", "raised the loader's pool", "by", "ana")))
                    .build();
            d.pipe(resolution);
            List<io.noetl.schemas.stream.NormalizedEvent> out = d.events.readValuesToList();
            assertThat(out).hasSize(1);
            assertThat(out.getFirst().kind()).isEqualTo("resolution");
            assertThat(out.getFirst().eventId()).isEqualTo(resolution.eventId());
            assertThat(d.traceOf(s.executionId)).as("no new trace: the resolution changed nothing of it").isNull();
        }
    }

    @Test
    @DisplayName("shuffled and duplicated events give the same trace as the events in order (40 random orders)")
    void sameTraceWhateverTheOrderAndDuplicates() {
        Scenario s = new Scenario("etl/daily", Driver.T0).started().step("extract", 3).retriedStep("load", TIMEOUT)
                .step("publish", 2).failedStep("notify", ErrorInfo.fatal("HttpError", "HTTP 503 from notifier"));
        Random random = new Random(42);
        try (Driver d = new Driver(stateDir)) {
            d.pipeAll(s.events());
            String expected = Json.string(d.traceOf(s.executionId));
            for (int trial = 0; trial < 40; trial++) {
                List<Event> copy = asNewExecution(s.events());
                String json = null;
                List<Event> shuffled = new ArrayList<>(copy);
                for (int i = 0; i < 5; i++) {
                    shuffled.add(shuffled.get(random.nextInt(shuffled.size())));
                }
                Collections.shuffle(shuffled, random);
                d.pipeAll(shuffled);
                json = Json.string(d.traceOf(copy.getFirst().executionId()));
                for (int i = 0; i < copy.size(); i++) { // back to the original ids
                    json = json.replace(copy.get(i).eventId(), s.events().get(i).eventId())
                            .replace(copy.get(i).executionId(), s.executionId);
                }
                assertThat(json).as("trial %d", trial).isEqualTo(expected);
            }
        }
    }

    /** The same events under a fresh execution id and fresh event ids (so traces can be compared). */
    private static List<Event> asNewExecution(List<Event> events) {
        String exec = Ulid.next();
        return events.stream().map(e -> e.toBuilder().executionId(exec).eventId(Ulid.next()).build()).toList();
    }

    @Test
    @DisplayName("the critical path is the longest chain of steps that ran one after another, skipping a parallel branch")
    void criticalPathFollowsTheLongestSequentialChain() {
        String exec = Ulid.next();
        List<Event> events = new ArrayList<>();
        // a: 0-10, b: 10-30 (after a), c: 11-15 (parallel to b, after a), d: 30-35 (after b and c)
        stepSpan(events, exec, "a", 0, 10);
        stepSpan(events, exec, "b", 10, 30);
        stepSpan(events, exec, "c", 11, 15);
        stepSpan(events, exec, "d", 30, 35);
        try (Driver d = new Driver(stateDir)) {
            d.pipeAll(events);
            assertThat(d.traceOf(exec).criticalPath()).containsExactly("a", "b", "d");
        }
    }

    @Test
    @DisplayName("a failed execution names its failed step and the first error of that step as root error")
    void failedStepAndRootError() {
        ErrorInfo first = ErrorInfo.retriable("ConnectionError", "connection refused to 10.0.0.7:5432");
        ErrorInfo last = ErrorInfo.fatal("ConnectionError", "connection refused to 10.0.0.8:5432");
        Scenario s = new Scenario("etl/daily", Driver.T0).started().retriedStep("extract", first)
                .failedStep("load", last);
        try (Driver d = new Driver(stateDir)) {
            d.pipeAll(s.events());
            ExecutionTrace t = d.traceOf(s.executionId);
            assertThat(t.status()).isEqualTo("FAILED");
            assertThat(t.failedStep()).isEqualTo("load");
            assertThat(t.rootError().step()).isEqualTo("load");
            assertThat(t.rootError().message()).isEqualTo(last.message());
            assertThat(t.rootError().errorClass()).isEqualTo("connection");
            assertThat(t.rootError().template()).contains("<*>");
            Event firstError = s.events().stream().filter(e -> "load".equals(e.step()) && e.error() != null)
                    .findFirst().orElseThrow();
            assertThat(t.rootError().eventId()).isEqualTo(firstError.eventId());
        }
    }

    @Test
    @DisplayName("events of an execution whose playbook.started never arrived still make a running trace")
    void unknownExecutionIsTraced() {
        Scenario s = new Scenario("etl/daily", Driver.T0).started().step("extract", 2);
        List<Event> withoutStart = s.events().subList(1, s.events().size());
        try (Driver d = new Driver(stateDir)) {
            d.pipeAll(withoutStart);
            ExecutionTrace t = d.traceOf(s.executionId);
            assertThat(t.status()).isEqualTo("RUNNING");
            assertThat(t.startedAt()).isEqualTo(withoutStart.getFirst().timestamp());
            assertThat(t.steps()).singleElement().extracting(StepTrace::status).isEqualTo("COMPLETED");
        }
    }

    @Test
    @DisplayName("a step with more attempts than the cap keeps the cap and records the cut")
    void attemptsAreCapped() {
        String exec = Ulid.next();
        try (Driver d = new Driver(stateDir)) {
            for (int i = 1; i <= 105; i++) {
                d.pipe(Event.builder(EventTypes.COMMAND_STARTED, exec).step("loop").commandId(Ulid.next()).attempt(1)
                        .timestamp(Driver.T0.plusSeconds(i)).build());
            }
            ExecutionTrace t = d.traceOf(exec);
            assertThat(t.steps().getFirst().attempts()).hasSize(100);
            assertThat(t.truncated()).containsExactly(ExecutionTrace.CUT_ATTEMPTS);
            assertThat(t.eventCount()).isEqualTo(105);
        }
    }

    @Test
    @DisplayName("traces are emitted once per commit interval, not once per event")
    void tracesAreEmittedPerCommitNotPerEvent() {
        Scenario s = new Scenario("etl/daily", Driver.T0).started().step("extract", 3).completed();
        try (Driver d = new Driver(stateDir)) {
            d.pipeAll(s.events());
            assertThat(d.traces.isEmpty()).isTrue();
            d.flush();
            assertThat(d.traces.readKeyValuesToList()).hasSize(1);
            d.flush();
            assertThat(d.traces.isEmpty()).as("nothing changed, nothing emitted").isTrue();
        }
    }

    private static void stepSpan(List<Event> out, String exec, String step, int from, int to) {
        String cmd = Ulid.next();
        out.add(Event.builder(EventTypes.STEP_ENTER, exec).step(step).timestamp(Driver.T0.plusSeconds(from)).build());
        out.add(Event.builder(EventTypes.COMMAND_STARTED, exec).step(step).commandId(cmd).attempt(1)
                .timestamp(Driver.T0.plusSeconds(from)).build());
        out.add(Event.builder(EventTypes.CALL_DONE, exec).step(step).commandId(cmd).attempt(1)
                .timestamp(Driver.T0.plusSeconds(to)).build());
        out.add(Event.builder(EventTypes.STEP_EXIT, exec).step(step).status("COMPLETED")
                .timestamp(Driver.T0.plusSeconds(to)).build());
    }
}
