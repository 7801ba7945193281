package io.noetl.app.cli;

import io.noetl.app.infra.Lifecycle;
import java.io.PrintWriter;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * A command that starts parts of the app and keeps them running in the foreground until Ctrl-C. What it starts
 * goes into a {@link Lifecycle} that the shutdown hook closes in reverse order; when starting fails, what already
 * started is closed and the failure goes to the error handler.
 */
abstract class ForegroundCommand implements Callable<Integer> {

    /** The settings of what the command starts. */
    final Map<String, String> env;

    @Spec
    private CommandSpec spec;

    ForegroundCommand(Map<String, String> env) {
        this.env = env;
    }

    @Override
    public final Integer call() throws InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        Lifecycle life = new Lifecycle().closeOnShutdown();
        try {
            start(life, out);
        } catch (RuntimeException e) {
            life.close();
            throw e;
        }
        life.awaitClose();
        return 0;
    }

    /** Starts what runs, each part added to {@code life}, and says on {@code out} what runs where. */
    abstract void start(Lifecycle life, PrintWriter out) throws InterruptedException;

    /** The last line of a start that leaves the roles running. */
    static void sayRunning(PrintWriter out) {
        out.println("running; press Ctrl-C to stop");
        out.flush();
    }
}
