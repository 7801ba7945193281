package io.noetl.server.engine;

import io.noetl.schemas.command.Command;
import io.noetl.schemas.event.Event;
import java.util.List;

/**
 * What the engine decided for one input: the execution's new state, the commands to publish,
 * the events to publish, and child executions to start (sub-playbooks). The runtime stores
 * {@code state} with compare-and-set first, then publishes; if the CAS fails it reloads and asks again.
 *
 * @param state    the new state (same instance as before when {@code changed} is false)
 * @param commands commands to publish to {@code noetl.commands.<pool>}
 * @param events   events to publish to {@code noetl.events.<execution_id>}
 * @param children sub-playbook executions to create (their own start transitions are computed by the runtime)
 * @param changed  false when the input had no effect (duplicate, late, or irrelevant event)
 */
public record Transition(
        ExecutionState state,
        List<Command> commands,
        List<Event> events,
        List<ChildStart> children,
        boolean changed) {

    public static Transition unchanged(ExecutionState state) {
        return new Transition(state, List.of(), List.of(), List.of(), false);
    }
}
