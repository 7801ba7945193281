package io.noetl.server.engine;

import java.util.Map;

/**
 * A sub-playbook execution the engine asks the runtime to start for a {@code playbook} step.
 *
 * @param executionId       id already assigned to the child (so a retried transition starts it only once)
 * @param playbookPath      child playbook path
 * @param playbookVersion   child version, or null for the latest
 * @param workload          workload for the child (rendered)
 * @param parentExecutionId the parent execution
 * @param parentStep        the parent's step waiting for the child
 */
public record ChildStart(
        String executionId,
        String playbookPath,
        Integer playbookVersion,
        Map<String, Object> workload,
        String parentExecutionId,
        String parentStep) {
}
