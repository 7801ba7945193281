package io.noetl.app.cli;

import io.noetl.app.client.ApiException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/** A failed command prints one clear line (no stack trace) and exits with 1. */
public final class ErrorHandler implements IExecutionExceptionHandler {

    private static final Logger LOG = LoggerFactory.getLogger(ErrorHandler.class);

    @Override
    public int handleExecutionException(Exception e, CommandLine cli, ParseResult parsed) {
        String message = e instanceof ApiException api ? api.describe()
                : e.getMessage() == null ? e.toString() : e.getMessage();
        cli.getErr().println("noetl " + cli.getCommandName() + ": " + message);
        LOG.debug("command {} failed", cli.getCommandName(), e);
        return 1;
    }
}
