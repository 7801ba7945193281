package io.noetl.server.engine;

/** Placeholder: the engine's execution state record is defined in this file by the engine work. */
public record ExecutionState(String executionId) {
}
