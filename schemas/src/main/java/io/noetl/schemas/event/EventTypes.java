package io.noetl.schemas.event;

/** Raw event types, following NoETL's runtime (DESIGN.md, "Events"). */
public final class EventTypes {

    public static final String PLAYBOOK_STARTED = "playbook.started";
    public static final String PLAYBOOK_COMPLETED = "playbook.completed";
    public static final String PLAYBOOK_FAILED = "playbook.failed";
    public static final String PLAYBOOK_CANCELLED = "playbook.cancelled";
    public static final String STEP_ENTER = "step.enter";
    public static final String STEP_EXIT = "step.exit";
    /** A step's tool finished and the step now waits for a person's decision (the execution is PAUSED). */
    public static final String STEP_WAITING = "step.waiting";
    public static final String COMMAND_ISSUED = "command.issued";
    public static final String COMMAND_CLAIMED = "command.claimed";
    public static final String COMMAND_STARTED = "command.started";
    public static final String COMMAND_COMPLETED = "command.completed";
    public static final String COMMAND_FAILED = "command.failed";
    public static final String CALL_DONE = "call.done";
    public static final String CALL_ERROR = "call.error";
    public static final String RETRY_SCHEDULED = "retry.scheduled";
    public static final String LOOP_ITEM = "loop.item";
    public static final String LOOP_DONE = "loop.done";
    public static final String DECISION_RECORDED = "decision.recorded";
    /** What fixed a failed execution, posted by a person after the fact ({@code result}: text, by). */
    public static final String RESOLUTION_RECORDED = "resolution.recorded";

    public static final java.util.Set<String> ALL = java.util.Set.of(
            PLAYBOOK_STARTED, PLAYBOOK_COMPLETED, PLAYBOOK_FAILED, PLAYBOOK_CANCELLED,
            STEP_ENTER, STEP_EXIT, STEP_WAITING, COMMAND_ISSUED, COMMAND_CLAIMED, COMMAND_STARTED,
            COMMAND_COMPLETED, COMMAND_FAILED, CALL_DONE, CALL_ERROR, RETRY_SCHEDULED,
            LOOP_ITEM, LOOP_DONE, DECISION_RECORDED, RESOLUTION_RECORDED);

    private EventTypes() {
    }
}
