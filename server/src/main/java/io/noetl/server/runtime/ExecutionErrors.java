package io.noetl.server.runtime;

/** Why a runtime operation was refused; the REST layer maps each to one HTTP status. */
public final class ExecutionErrors {

    private ExecutionErrors() {
    }

    /** 404: no execution with this id. */
    public static final class UnknownExecution extends RuntimeException {
        public UnknownExecution(String executionId) {
            super("execution '" + executionId + "' not found");
        }
    }

    /** 404: no such playbook (or version) in the catalog. */
    public static final class UnknownPlaybook extends RuntimeException {
        public UnknownPlaybook(String path, Integer version) {
            super("playbook '" + path + "'" + (version == null ? "" : " version " + version) + " not found");
        }
    }

    /**
     * 413: the execution's state would be larger than a NATS message may be ({@code max_payload}): a workload too large
     * to start with, or a step result too large to keep (the event consumer fails that step instead).
     */
    public static final class StateTooLarge extends RuntimeException {
        private final long bytes;
        private final long maxPayload;

        public StateTooLarge(String executionId, long bytes, long maxPayload) {
            super("the state of execution " + executionId + " would be " + bytes + " bytes, over the NATS server's "
                    + "max_payload of " + maxPayload + " bytes");
            this.bytes = bytes;
            this.maxPayload = maxPayload;
        }

        public long bytes() {
            return bytes;
        }

        public long maxPayload() {
            return maxPayload;
        }
    }

    /** 409: the execution's status does not allow the operation (e.g. cancel after it ended). */
    public static final class Conflict extends RuntimeException {
        public Conflict(String message) {
            super(message);
        }
    }

    /** The engine refused a decision; {@code status} is 409 (state) or 422 (rule). */
    public static final class DecisionRejected extends RuntimeException {
        private final int status;

        public DecisionRejected(int status, String message) {
            super(message);
            this.status = status;
        }

        public int status() {
            return status;
        }
    }
}
