package io.noetl.insights.execution;

import io.noetl.schemas.playbook.Playbook;
import java.util.Optional;

/**
 * Where the insights read executions and playbooks from: the server's own state (its key-value buckets and the
 * events stream). Implemented by the server; it never needs the stream side.
 */
public interface ExecutionSource {

    /** @return the execution with its steps and events, or empty when there is no such execution */
    Optional<ExecutionView> execution(String executionId);

    /** @return the registered playbook, or empty when that path and version are unknown */
    Optional<Playbook> playbook(String path, int version);

    /** @return the latest registered version of a playbook, or empty when the path is unknown */
    Optional<Versioned> latest(String path);

    /**
     * A registered playbook and its version.
     *
     * @param version  catalog version
     * @param playbook the parsed playbook
     */
    record Versioned(int version, Playbook playbook) {
    }
}
