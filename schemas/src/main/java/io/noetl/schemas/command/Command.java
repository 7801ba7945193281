package io.noetl.schemas.command;

import com.fasterxml.jackson.databind.JsonNode;
import io.noetl.schemas.event.Event;
import io.noetl.schemas.playbook.KeychainEntry;
import java.time.Instant;
import java.util.List;

/**
 * A unit of work for a worker, published on {@code noetl.commands.<pool>}
 * (schema: {@code schemas/command.schema.json}; the pipeline contract is described in {@code docs/dsl.md},
 * "Commands").
 *
 * <p>The server does not render the tool configuration: templates in {@code tool} and {@code tasks} are rendered by
 * the worker against {@code context} plus the keychain it resolves itself, so secret values never travel through
 * the server or the bus.
 *
 * <p><b>Pipelines.</b> One command runs one attempt of a step (or of one loop item): the step's whole task pipeline,
 * {@code tasks} in order, on one worker (NoETL docs: {@code reference/dsl/execution_model.md} §5 "Tool execution and
 * task-level flow control"). After each task the worker applies that task's policy ({@link TaskRule}); without
 * rules an error fails the pipeline and a result goes on with the next task. Templates of a task see
 * {@code context} plus the pipeline locals: {@code _prev} (result of the task before), {@code _task},
 * {@code _attempt}, {@code results} (task name → result of each task run so far), {@code iter} and {@code ctx} with
 * the pipeline's own writes applied, and the bare keys written by a task's {@code set}. {@code tool_kind} and
 * {@code tool} are the first task's kind and configuration, so a one-task pipeline reads exactly as a command did
 * before pipelines; {@code tasks} null (an older producer) means that one task.
 *
 * <p>What the worker reports: {@code call.done} with the pipeline's result — the task's result for a one-task
 * pipeline; otherwise the last task's result (its fields when it is a mapping, else under {@code result}) with
 * {@code results} added — or {@code call.error} with the error of the task that failed the pipeline and
 * {@code meta.task} naming it. Writes to {@code ctx} made by the pipeline travel in {@code meta.ctx} (key → rendered
 * value) of that event; the server merges them into the execution's {@code ctx}.
 *
 * @param commandId         ULID of this command
 * @param executionId       execution it belongs to
 * @param parentExecutionId parent execution for sub-playbooks, or null
 * @param playbookPath      playbook identity
 * @param playbookVersion   catalog version
 * @param step              step name
 * @param toolKind          the first task's kind (python, http, postgres, duckdb, shell, nats, transfer, noop, ...)
 * @param pool              worker pool ({@code noetl.commands.<pool>})
 * @param attempt           1-based attempt number (server side); redeliveries add to it on the worker
 * @param loopIndex         index of the loop item (or cursor worker slot), or null outside loops
 * @param tool              the first task's configuration as written (templates unrendered), with {@code kind}
 * @param context           template context: workload, ctx, vars, args, execution_id, earlier results by step name,
 *                          iter, and the workload's and ctx's keys bare
 * @param keychain          keychain entries the worker resolves (values from its environment or the playbook)
 * @param timeoutMs         time limit for the pipeline, or null for the worker default
 * @param issuedAt          when the server issued it
 * @param issuedEventId     event id of the matching {@code command.issued} event (the parent of worker events)
 * @param tasks             the step's pipeline in order (at least one task), or null from older producers
 * @param cursor            for a cursor loop ({@code loop.cursor}, NoETL docs: {@code reference/dsl/step_spec.md}
 *                          §8): {@code {kind, auth, claim, options, iterator, slot, slots}} — the worker claims a
 *                          row with {@code claim} until none is left, runs the pipeline for each with
 *                          {@code iter.<iterator>} bound to the row, and reports {@code {rows, results}}; null
 *                          otherwise
 */
public record Command(
        String commandId,
        String executionId,
        String parentExecutionId,
        String playbookPath,
        Integer playbookVersion,
        String step,
        String toolKind,
        String pool,
        int attempt,
        Integer loopIndex,
        JsonNode tool,
        JsonNode context,
        List<KeychainEntry> keychain,
        Long timeoutMs,
        Instant issuedAt,
        String issuedEventId,
        List<CommandTask> tasks,
        JsonNode cursor) {

    /** A command of one tool, without a pipeline or a cursor (as older producers wrote it). */
    public Command(String commandId, String executionId, String parentExecutionId, String playbookPath,
                   Integer playbookVersion, String step, String toolKind, String pool, int attempt, Integer loopIndex,
                   JsonNode tool, JsonNode context, List<KeychainEntry> keychain, Long timeoutMs, Instant issuedAt,
                   String issuedEventId) {
        this(commandId, executionId, parentExecutionId, playbookPath, playbookVersion, step, toolKind, pool, attempt,
                loopIndex, tool, context, keychain, timeoutMs, issuedAt, issuedEventId, null, null);
    }

    /**
     * An event about this command, carrying its identity: execution (and parent), {@code parent_event_id} = its
     * {@code command.issued}, command id, playbook, step, tool kind and attempt.
     */
    public Event.Builder event(String eventType) {
        return Event.builder(eventType, executionId)
                .parentExecutionId(parentExecutionId)
                .parentEventId(issuedEventId)
                .commandId(commandId)
                .playbookPath(playbookPath)
                .playbookVersion(playbookVersion)
                .step(step)
                .toolKind(toolKind)
                .attempt(attempt);
    }

    /** JetStream de-duplication id: execution + step + attempt + loop index (DESIGN.md, reliability rules). */
    public String natsMsgId() {
        return executionId + ":" + step + ":" + attempt + ":" + (loopIndex == null ? "-" : loopIndex);
    }
}
