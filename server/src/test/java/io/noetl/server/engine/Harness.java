package io.noetl.server.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.noetl.schemas.Json;
import io.noetl.schemas.command.Command;
import io.noetl.schemas.decision.Decision;
import io.noetl.schemas.event.ErrorInfo;
import io.noetl.schemas.event.Event;
import io.noetl.schemas.event.EventTypes;
import io.noetl.schemas.playbook.Playbook;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Drives an {@link Engine} the way the runtime does, with a simulated worker answering commands. */
final class Harness {

    static final Duration CLAIM_TIMEOUT = Duration.ofSeconds(60);

    final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
    final Engine engine = new Engine(clock, "http://127.0.0.1:8080");
    final Playbook pb;
    ExecutionState state;
    Transition last;
    final List<Command> open = new ArrayList<>();
    final List<Command> issued = new ArrayList<>();
    final List<Event> events = new ArrayList<>();
    final List<ChildStart> children = new ArrayList<>();

    Harness(Playbook pb) {
        this.pb = pb;
    }

    Harness start(Map<String, Object> workload) {
        accept(engine.start("01EXEC0000000000000000TEST", pb, 1, workload, null, null));
        return this;
    }

    Transition accept(Transition t) {
        last = t;
        if (t.changed()) {
            state = t.state();
            events.addAll(t.events());
            open.addAll(t.commands());
            issued.addAll(t.commands());
            children.addAll(t.children());
        }
        return t;
    }

    Transition apply(Event e) {
        return accept(engine.apply(state, pb, e));
    }

    /** The only open command of {@code step}. */
    Command command(String step) {
        List<Command> of = open.stream().filter(c -> c.step().equals(step)).toList();
        assertThat(of).as("open commands of " + step).hasSize(1);
        return of.get(0);
    }

    Event workerEvent(Command c, String type) {
        return Event.builder(type, c.executionId()).commandId(c.commandId()).step(c.step()).toolKind(c.toolKind())
                .attempt(c.attempt()).workerId("worker-1").timestamp(clock.instant())
                .meta(c.loopIndex() == null ? null : Map.of("loop_index", c.loopIndex())).build();
    }

    Transition done(Command c, Object result) {
        open.remove(c);
        return apply(workerEvent(c, EventTypes.CALL_DONE).toBuilder().result(Json.toTree(result)).build());
    }

    Transition done(String step, Object result) {
        return done(command(step), result);
    }

    Transition error(Command c, ErrorInfo error, Object result) {
        open.remove(c);
        return apply(workerEvent(c, EventTypes.CALL_ERROR).toBuilder().error(error)
                .result(result == null ? null : Json.toTree(result)).build());
    }

    Transition started(Command c) {
        return apply(workerEvent(c, EventTypes.COMMAND_STARTED));
    }

    Transition tickAfter(Duration d) {
        clock.advance(d);
        return accept(engine.tick(state, pb, clock.instant(), CLAIM_TIMEOUT));
    }

    Transition decide(Decision d) {
        Event recorded = engine.decide(state, pb, d);
        events.add(recorded);
        return apply(recorded);
    }

    List<String> types() {
        return events.stream().map(Event::eventType).toList();
    }

    List<Event> events(String type) {
        return events.stream().filter(e -> e.eventType().equals(type)).toList();
    }
}
