package io.noetl.worker.tool;

import io.noetl.worker.keychain.Keychain;

/**
 * One finished tool run.
 *
 * @param outcome    what the tool produced (raw: not yet redacted)
 * @param keychain   the keychain resolved for it (empty when resolution failed): what must be redacted
 * @param durationMs how long the tool ran
 */
public record ToolExecution(ToolOutcome outcome, Keychain keychain, long durationMs) {
}
