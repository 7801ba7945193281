package io.noetl.worker.tool.jdbc;

import io.noetl.schemas.event.ErrorInfo;
import io.noetl.worker.tool.ToolOutcome;
import java.sql.SQLException;

/**
 * Classifies SQL failures: connection problems, serialization conflicts and a server that has no connection slot
 * left or is starting up are worth a retry, others not.
 */
public final class SqlErrors {

    private SqlErrors() {
    }

    /** The outcome of {@code e}, raised while {@code operation} ran. */
    public static ToolOutcome.Failed classify(String operation, SQLException e) {
        String state = e.getSQLState() == null ? "" : e.getSQLState();
        String message = operation + " failed" + (state.isEmpty() ? "" : " [" + state + "]") + ": " + e.getMessage();
        if (state.startsWith("08")) {
            return ToolOutcome.Failed.of(ErrorInfo.retriable("ConnectionError", message));
        }
        if (state.equals("40001") || state.equals("40P01") || state.equals("53300") || state.equals("57P03")) {
            return ToolOutcome.Failed.of(ErrorInfo.retriable("SqlError", message));
        }
        return ToolOutcome.Failed.of(ErrorInfo.fatal("SqlError", message));
    }
}
