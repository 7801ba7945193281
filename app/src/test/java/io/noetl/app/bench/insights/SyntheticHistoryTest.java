package io.noetl.app.bench.insights;

import static org.assertj.core.api.Assertions.assertThat;

import io.noetl.schemas.Status;
import io.noetl.schemas.Ulid;
import io.noetl.schemas.error.ErrorClassifier;
import io.noetl.schemas.error.ErrorEvidence;
import io.noetl.schemas.event.Event;
import io.noetl.schemas.event.EventTypes;
import io.noetl.schemas.playbook.Playbook;
import io.noetl.schemas.stream.ExecutionTrace;
import io.noetl.schemas.stream.Kinds;
import io.noetl.schemas.stream.NormalizedEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Predicate;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The synthetic history of {@code bench insights}: errors, playbooks, runs, normalized events and traces. */
class SyntheticHistoryTest {

    private static final Instant NOW = Instant.parse("2026-12-01T00:00:00Z");
    private static final Instant START = NOW.minus(Duration.ofDays(30));
    private final List<SyntheticPlaybooks.Profile> playbooks = SyntheticPlaybooks.all(7);

    @Test
    @DisplayName("every error pattern gets the class it declares from the platform's classifier")
    void errorPatternsClassifyAsDeclared() {
        Random random = new Random(1);
        ErrorPatterns.Context ctx = new ErrorPatterns.Context("warehouse-db-2.prod.internal", "payments-api",
                "invoices");
        for (ErrorPatterns.Pattern p : ErrorPatterns.ALL) {
            for (int i = 0; i < 20; i++) {
                String message = ErrorPatterns.fill(p.format(), ctx, random);
                assertThat(ErrorClassifier.standard().classify(new ErrorEvidence(p.type(), message, p.httpStatus(),
                        p.tool(), null)).wireName()).as(message).isEqualTo(p.errorClass());
            }
        }
    }

    @Test
    @DisplayName("50 playbooks of 5 steps parse as the catalog reads them, with their retry policies and time limits")
    void playbooksParse() {
        assertThat(playbooks).hasSize(50);
        assertThat(playbooks.stream().map(SyntheticPlaybooks.Profile::path).distinct()).hasSize(50);
        for (SyntheticPlaybooks.Profile p : playbooks) {
            Playbook pb = p.playbook();
            assertThat(pb.workflow()).hasSize(5);
            for (SyntheticPlaybooks.StepProfile s : p.steps()) {
                var step = pb.step(s.name()).orElseThrow();
                assertThat(step.toolKind().wire()).isEqualTo(s.tool());
                assertThat(step.spec().policy()).hasSize(s.maxAttempts() > 1 ? 1 : 0);
                assertThat(step.spec().timeoutMs()).isEqualTo(s.timeoutMs());
            }
        }
        assertThat(playbooks.stream().flatMap(p -> p.steps().stream()).filter(s -> s.failRate() > 0.05))
                .hasSizeBetween(10, 40);
    }

    @Test
    @DisplayName("a run's event ids are ULIDs of their own timestamps, increasing in emission order")
    void eventIdsFollowTheRunsClock() {
        RunGenerator.Run run = new RunGenerator(3, START, NOW).run(playbooks.getFirst(), START.plusSeconds(60));
        String previous = "";
        for (Event e : run.events()) {
            assertThat(Ulid.isValid(e.eventId())).isTrue();
            assertThat(Ulid.time(e.eventId())).isEqualTo(e.timestamp());
            assertThat(e.eventId()).isGreaterThan(previous);
            previous = e.eventId();
        }
        assertThat(run.events().getFirst().eventType()).isEqualTo(EventTypes.PLAYBOOK_STARTED);
    }

    @Test
    @DisplayName("a failed run's trace names the failed step, its first error as the root, every step on the path")
    void failedRunTrace() {
        RunGenerator.Run run = find(r -> r.status() == Status.FAILED);
        List<NormalizedEvent> normalized = normalize(run);
        ExecutionTrace trace = TraceFold.of(normalized);
        String failedStep = run.steps().getLast().name();
        NormalizedEvent firstError = normalized.stream().filter(e -> Kinds.ERROR.equals(e.kind())
                && failedStep.equals(e.step())).findFirst().orElseThrow();

        assertThat(trace.status()).isEqualTo("FAILED");
        assertThat(trace.failedStep()).isEqualTo(failedStep);
        assertThat(trace.rootError().eventId()).isEqualTo(firstError.eventId());
        assertThat(trace.rootError().templateId()).isEqualTo(firstError.templateId()).isNotNull();
        assertThat(trace.criticalPath()).containsExactlyElementsOf(run.steps().stream().map(s -> s.name()).toList());
        assertThat(trace.eventCount()).isEqualTo(normalized.size());
        assertThat(trace.steps().getLast().status()).isEqualTo("FAILED");
    }

    @Test
    @DisplayName("a run that recovers schedules a retry and completes; its errors carry class and template")
    void recoveredRun() {
        RunGenerator.Run run = find(r -> r.status() == Status.COMPLETED && r.hadErrors());
        List<NormalizedEvent> normalized = normalize(run);

        assertThat(normalized).anyMatch(e -> Kinds.RETRY.equals(e.kind()));
        assertThat(normalized.getLast().eventType()).isEqualTo(EventTypes.PLAYBOOK_COMPLETED);
        assertThat(TraceFold.of(normalized).status()).isEqualTo("COMPLETED");
        for (NormalizedEvent e : normalized) {
            if (Kinds.ERROR.equals(e.kind())) {
                assertThat(e.errorClass()).isNotNull();
                assertThat(e.error().errorClass()).as("the class moves out of the error").isNull();
                assertThat(e.templateId()).matches("[0-9a-f]{16}");
                assertThat(e.template()).isNotBlank();
            }
        }
    }

    @Test
    @DisplayName("the sample keeps at most its capacity, and reads each kept execution and every playbook")
    void sampleKeepsItsCapacity() {
        SampleSource sample = new SampleSource(5, 1, playbooks);
        RunGenerator generator = new RunGenerator(5, START, NOW);
        for (int i = 0; i < 40; i++) {
            sample.offer(generator.run(playbooks.get(i % playbooks.size()), START.plusSeconds(600L * i)));
        }
        assertThat(sample.ids()).hasSize(5).allSatisfy(id -> assertThat(sample.execution(id)).isPresent());
        assertThat(sample.paths()).hasSize(50);
        assertThat(sample.latest(playbooks.getFirst().path())).get().extracting(v -> v.version()).isEqualTo(1);
    }

    private RunGenerator.Run find(Predicate<RunGenerator.Run> wanted) {
        RunGenerator generator = new RunGenerator(11, START, NOW);
        for (int i = 0; i < 20_000; i++) {
            RunGenerator.Run run = generator.run(playbooks.get(i % playbooks.size()), START.plusSeconds(90L * i));
            if (wanted.test(run)) {
                return run;
            }
        }
        throw new AssertionError("no such run in 20,000");
    }

    private static List<NormalizedEvent> normalize(RunGenerator.Run run) {
        Normalization normalization = new Normalization();
        List<NormalizedEvent> out = new ArrayList<>();
        run.events().forEach(e -> out.add(normalization.of(e)));
        return out;
    }
}
