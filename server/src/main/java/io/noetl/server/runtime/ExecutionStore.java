package io.noetl.server.runtime;

import io.nats.client.Connection;
import io.nats.client.JetStreamApiException;
import io.nats.client.KeyValue;
import io.nats.client.api.KeyValueEntry;
import io.noetl.schemas.Json;
import io.noetl.schemas.Names;
import io.noetl.server.engine.ExecutionState;
import java.io.IOException;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Execution states in a KV bucket, keyed by execution id (a ULID, so keys sort by start time).
 * Writes are compare-and-set on the KV revision: two replicas never overwrite each other's progress.
 */
public final class ExecutionStore {

    private static final int WRONG_LAST_SEQUENCE = 10071;

    private static final Logger LOG = LoggerFactory.getLogger(ExecutionStore.class);
    private static final byte[] ACTIVE = {1};

    private final Connection nc;
    private final KeyValue kv;
    private final KeyValue active;

    public ExecutionStore(Connection nc, Names names) {
        this.nc = nc;
        try {
            this.kv = nc.keyValue(names.executionsBucket());
            this.active = nc.keyValue(names.activeExecutionsBucket());
        } catch (IOException e) {
            throw new IllegalStateException("open KV bucket " + names.executionsBucket(), e);
        }
    }

    /** A state with the KV revision it was read at (or written as). */
    public record Stored(ExecutionState state, long revision) {
    }

    /** The stored state, or null when there is no such execution. */
    public Stored load(String executionId) {
        try {
            KeyValueEntry entry = kv.get(executionId);
            if (entry == null || entry.getValue() == null) {
                return null;
            }
            return new Stored(Json.read(entry.getValue(), ExecutionState.class), entry.getRevision());
        } catch (IOException | JetStreamApiException e) {
            throw new StoreUnavailableException("load execution " + executionId, e);
        }
    }

    /** Stores a new execution; throws {@link CasConflictException} when the id exists already. */
    public Stored create(ExecutionState state) {
        try {
            Stored stored = new Stored(state, kv.create(state.executionId(), bytes(state)));
            active.put(state.executionId(), ACTIVE);
            return stored;
        } catch (JetStreamApiException e) {
            throw conflictOr(e, "create execution " + state.executionId());
        } catch (IOException e) {
            throw new StoreUnavailableException("create execution " + state.executionId(), e);
        }
    }

    /** Replaces the state if it is still at {@code expectedRevision}; else {@link CasConflictException}. */
    public Stored update(ExecutionState state, long expectedRevision) {
        try {
            Stored stored = new Stored(state, kv.update(state.executionId(), bytes(state), expectedRevision));
            if (state.status().terminal()) {
                forgetActive(state.executionId());
            }
            return stored;
        } catch (JetStreamApiException e) {
            throw conflictOr(e, "update execution " + state.executionId());
        } catch (IOException e) {
            throw new StoreUnavailableException("update execution " + state.executionId(), e);
        }
    }

    /** The state as stored; {@link ExecutionErrors.StateTooLarge} when NATS would refuse a value that large. */
    private byte[] bytes(ExecutionState state) {
        byte[] bytes = Json.bytes(state);
        long max = nc.getMaxPayload();
        if (max > 0 && bytes.length > max) {
            throw new ExecutionErrors.StateTooLarge(state.executionId(), bytes.length, max);
        }
        return bytes;
    }

    /** Ids of executions not known to be terminal: the reaper's work list. */
    public List<String> activeIds() {
        try {
            return active.keys();
        } catch (IOException | JetStreamApiException e) {
            throw new StoreUnavailableException("list active executions", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreUnavailableException("list active executions (interrupted)", e);
        }
    }

    /**
     * Drops an execution from the active index. Best effort: if it fails (or the server dies first), the reaper
     * finds the terminal state on its next pass and drops it then.
     */
    public void forgetActive(String executionId) {
        try {
            active.purge(executionId);
        } catch (IOException | JetStreamApiException e) {
            LOG.debug("drop {} from the active index: {}", executionId, e.toString());
        }
    }

    /** Every execution id, oldest first. */
    public List<String> ids() {
        try {
            return kv.keys().stream().sorted().toList();
        } catch (IOException | JetStreamApiException e) {
            throw new StoreUnavailableException("list executions", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreUnavailableException("list executions (interrupted)", e);
        }
    }

    private static RuntimeException conflictOr(JetStreamApiException e, String operation) {
        if (e.getApiErrorCode() == WRONG_LAST_SEQUENCE) {
            return new CasConflictException(operation);
        }
        return new StoreUnavailableException(operation, e);
    }

    /** Someone else wrote the key since it was read. */
    public static final class CasConflictException extends RuntimeException {
        public CasConflictException(String operation) {
            super(operation + ": revision changed concurrently", null, false, false);
        }
    }

    /** The bucket could not be read or written (NATS down or refusing). */
    public static final class StoreUnavailableException extends RuntimeException {
        public StoreUnavailableException(String operation, Throwable cause) {
            super(operation + ": " + cause.getMessage(), cause);
        }
    }
}
