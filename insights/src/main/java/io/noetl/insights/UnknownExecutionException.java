package io.noetl.insights;

/** No execution has the id asked about. */
public final class UnknownExecutionException extends RuntimeException {

    public UnknownExecutionException(String executionId) {
        super("execution '" + executionId + "'");
    }
}
