package io.noetl.schemas.command;

import com.fasterxml.jackson.databind.JsonNode;
import io.noetl.schemas.playbook.KeychainEntry;
import java.time.Instant;
import java.util.List;

/**
 * A unit of work for a worker, published on {@code noetl.commands.<pool>}
 * (schema: {@code schemas/command.schema.json}).
 *
 * <p>The server does not render the tool configuration: templates in {@code tool} are rendered by the
 * worker against {@code context} plus the keychain it resolves itself, so secret values never travel
 * through the server or the bus.
 *
 * @param commandId         ULID of this command
 * @param executionId       execution it belongs to
 * @param parentExecutionId parent execution for sub-playbooks, or null
 * @param playbookPath      playbook identity
 * @param playbookVersion   catalog version
 * @param step              step name
 * @param toolKind          python, http, postgres, duckdb, shell, playbook, noop
 * @param pool              worker pool ({@code noetl.commands.<pool>})
 * @param attempt           1-based attempt number (server side); redeliveries add to it on the worker
 * @param loopIndex         index of the loop item, or null outside loops
 * @param tool              the step's tool configuration as written (templates unrendered)
 * @param context           template context: workload, vars, args, execution_id, earlier results by step name, iter
 * @param keychain          keychain entries the worker resolves (values from its environment or the playbook)
 * @param timeoutMs         time limit for the tool, or null for the worker default
 * @param issuedAt          when the server issued it
 * @param issuedEventId     event id of the matching {@code command.issued} event (the parent of worker events)
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
        String issuedEventId) {

    /** JetStream de-duplication id: execution + step + attempt + loop index (DESIGN.md, reliability rules). */
    public String natsMsgId() {
        return executionId + ":" + step + ":" + attempt + ":" + (loopIndex == null ? "-" : loopIndex);
    }
}
