package io.noetl.worker.tool.pipeline;

import io.noetl.worker.tool.ToolOutcome;
import java.time.Duration;
import java.util.Map;

/** Runs one task of a pipeline: renders its configuration against {@code context} and runs its kind's tool. */
@FunctionalInterface
public interface TaskRunner {

    /**
     * @param kind    the task's tool kind
     * @param tool    its configuration as written (templates unrendered)
     * @param context what its templates see
     * @param timeout its time limit
     * @return the outcome; never throws for a tool failure
     */
    ToolOutcome run(String kind, Map<String, Object> tool, Map<String, Object> context, Duration timeout)
            throws InterruptedException;
}
