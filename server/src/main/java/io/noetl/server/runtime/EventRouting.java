package io.noetl.server.runtime;

import io.noetl.schemas.event.Event;
import io.noetl.schemas.event.EventTypes;
import java.util.Set;

/** Which events the server applies, and to which execution. */
final class EventRouting {

    /**
     * Produced by the server itself (applying them back would change nothing, and a resolution annotates an ended
     * execution), plus the workers' informational {@code command.completed|failed} (the outcome travels in
     * {@code call.done|error}).
     */
    private static final Set<String> OWN = Set.of(
            EventTypes.PLAYBOOK_STARTED, EventTypes.STEP_ENTER, EventTypes.STEP_EXIT, EventTypes.STEP_WAITING,
            EventTypes.COMMAND_ISSUED,
            EventTypes.RETRY_SCHEDULED, EventTypes.LOOP_ITEM, EventTypes.LOOP_DONE,
            EventTypes.COMMAND_COMPLETED, EventTypes.COMMAND_FAILED, EventTypes.RESOLUTION_RECORDED);

    private static final Set<String> PLAYBOOK_ENDS = Set.of(
            EventTypes.PLAYBOOK_COMPLETED, EventTypes.PLAYBOOK_FAILED, EventTypes.PLAYBOOK_CANCELLED);

    private EventRouting() {
    }

    /** Events of this type are never applied, whatever else they carry. */
    static boolean skipType(String eventType) {
        return OWN.contains(eventType);
    }

    static boolean skip(Event e) {
        if (e.executionId() == null || e.eventType() == null || OWN.contains(e.eventType())) {
            return true;
        }
        return PLAYBOOK_ENDS.contains(e.eventType()) && e.parentExecutionId() == null;
    }

    /** A sub-playbook's end advances its parent; everything else its own execution. */
    static String target(Event e) {
        return PLAYBOOK_ENDS.contains(e.eventType()) ? e.parentExecutionId() : e.executionId();
    }
}
