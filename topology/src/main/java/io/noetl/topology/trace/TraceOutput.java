package io.noetl.topology.trace;

import io.noetl.schemas.stream.Alert;
import io.noetl.schemas.stream.ExecutionTrace;

/** What the trace stage emits: a trace (keyed by execution id) or a stuck-execution alert (keyed playbook/step). */
public sealed interface TraceOutput {

    record Trace(ExecutionTrace trace) implements TraceOutput {
    }

    record Stuck(Alert alert) implements TraceOutput {
    }
}
