package io.noetl.server.engine;

/** A decision that cannot be recorded: 409 when nothing waits for it, 422 for a bad action or an unknown step. */
public class DecisionRejectedException extends RejectedException {

    public DecisionRejectedException(int code, String message) {
        super(code, message);
    }
}
