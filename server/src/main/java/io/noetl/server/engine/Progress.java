package io.noetl.server.engine;

import io.noetl.schemas.Status;
import io.noetl.schemas.command.Command;
import io.noetl.schemas.event.Event;
import io.noetl.schemas.playbook.Playbook;
import io.noetl.schemas.playbook.Step;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * The working memory of one engine call: the state as it evolves and what to publish. Confined to the call that
 * created it; the engine's public methods return its immutable {@link #transition()}.
 */
final class Progress {

    final Playbook playbook;
    final Instant now;
    final String callbackBase;
    private final ExecutionState original;
    private ExecutionState state;
    private final List<Command> commands = new ArrayList<>();
    private final List<Event> events = new ArrayList<>();
    private final List<ChildStart> children = new ArrayList<>();
    private boolean changed;

    Progress(ExecutionState state, Playbook playbook, Instant now, String callbackBase) {
        this.original = state;
        this.state = state;
        this.playbook = playbook;
        this.now = now;
        this.callbackBase = callbackBase;
    }

    ExecutionState state() {
        return state;
    }

    boolean terminal() {
        return state.status().terminal();
    }

    void update(UnaryOperator<ExecutionState> change) {
        state = change.apply(state);
        changed = true;
    }

    Step step(String name) {
        return playbook.step(name).orElseThrow(() -> new IllegalStateException(
                "step '" + name + "' is not in playbook " + playbook.path()));
    }

    /** An event of this execution with the common fields set; {@code step} may be null. */
    Event.Builder event(String type, String step, Status status) {
        String kind = step == null ? null : playbook.step(step).map(s -> s.toolKind().wire()).orElse(null);
        return Event.builder(type, state.executionId())
                .parentExecutionId(state.parentExecutionId())
                .playbookPath(state.playbookPath())
                .playbookVersion(state.playbookVersion())
                .step(step)
                .toolKind(kind)
                .status(status == null ? null : status.name())
                .timestamp(now);
    }

    Event emit(Event.Builder builder) {
        Event e = builder.build();
        events.add(e);
        changed = true;
        return e;
    }

    void command(Command c) {
        commands.add(c);
        changed = true;
    }

    void child(ChildStart c) {
        children.add(c);
        changed = true;
    }

    static Map<String, Object> meta(Object... keysAndValues) {
        return Maps.of(keysAndValues);
    }

    Transition transition() {
        if (!changed) {
            return Transition.unchanged(original);
        }
        return new Transition(state, List.copyOf(commands), List.copyOf(events), List.copyOf(children), true);
    }
}
