package io.noetl.schemas.stream;

import io.noetl.schemas.event.EventTypes;
import java.util.Map;

/** Canonical kinds of normalized events and the mapping from raw event types (DESIGN.md, "Event type → canonical kind"). */
public final class Kinds {

    public static final String WORKFLOW_START = "workflow_start";
    public static final String WORKFLOW_END = "workflow_end";
    public static final String TASK_START = "task_start";
    public static final String TASK_END = "task_end";
    public static final String ERROR = "error";
    public static final String RETRY = "retry";
    public static final String DECISION = "decision";
    /** What fixed a failure, recorded after the fact: an annotation of the execution, not part of its trace. */
    public static final String RESOLUTION = "resolution";
    /** Used by traces; not counted in step metrics. */
    public static final String LIFECYCLE = "lifecycle";

    private static final Map<String, String> BY_EVENT_TYPE = Map.ofEntries(
            Map.entry(EventTypes.PLAYBOOK_STARTED, WORKFLOW_START),
            Map.entry(EventTypes.PLAYBOOK_COMPLETED, WORKFLOW_END),
            Map.entry(EventTypes.PLAYBOOK_FAILED, WORKFLOW_END),
            Map.entry(EventTypes.PLAYBOOK_CANCELLED, WORKFLOW_END),
            Map.entry(EventTypes.COMMAND_STARTED, TASK_START),
            Map.entry(EventTypes.CALL_DONE, TASK_END),
            Map.entry(EventTypes.CALL_ERROR, ERROR),
            Map.entry(EventTypes.RETRY_SCHEDULED, RETRY),
            Map.entry(EventTypes.DECISION_RECORDED, DECISION),
            Map.entry(EventTypes.RESOLUTION_RECORDED, RESOLUTION),
            Map.entry(EventTypes.STEP_ENTER, LIFECYCLE),
            Map.entry(EventTypes.STEP_EXIT, LIFECYCLE),
            Map.entry(EventTypes.STEP_WAITING, LIFECYCLE),
            Map.entry(EventTypes.COMMAND_ISSUED, LIFECYCLE),
            Map.entry(EventTypes.COMMAND_CLAIMED, LIFECYCLE),
            Map.entry(EventTypes.COMMAND_COMPLETED, LIFECYCLE),
            Map.entry(EventTypes.COMMAND_FAILED, LIFECYCLE),
            Map.entry(EventTypes.LOOP_ITEM, LIFECYCLE),
            Map.entry(EventTypes.LOOP_DONE, LIFECYCLE));

    private Kinds() {
    }

    /**
     * The canonical kind of a raw event type.
     *
     * @return the kind, or null when the event type is not one of {@link EventTypes#ALL}
     */
    public static String of(String eventType) {
        return eventType == null ? null : BY_EVENT_TYPE.get(eventType);
    }
}
