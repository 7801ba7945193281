package io.noetl.app;

import io.noetl.app.cli.AllCommand;
import io.noetl.app.cli.BenchCommand;
import io.noetl.app.cli.BridgeCommand;
import io.noetl.app.cli.CompatCommand;
import io.noetl.app.cli.DemoCommand;
import io.noetl.app.cli.ErrorHandler;
import io.noetl.app.cli.RegisterCommand;
import io.noetl.app.cli.ReplayCommand;
import io.noetl.app.cli.RunCommand;
import io.noetl.app.cli.ServerCommand;
import io.noetl.app.cli.SinkCommand;
import io.noetl.app.cli.VersionCommand;
import io.noetl.app.cli.WorkerCommand;
import java.io.PrintWriter;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** The single runnable: starts any set of roles in one JVM, the demo, the benchmarks, and a thin API client. */
@Command(name = "noetl",
        mixinStandardHelpOptions = true,
        versionProvider = VersionCommand.Provider.class,
        description = "NoETL workflow execution platform.",
        subcommands = {ServerCommand.class, WorkerCommand.class, BridgeCommand.class, SinkCommand.class, AllCommand.class,
                DemoCommand.class, BenchCommand.class, RegisterCommand.class, RunCommand.class, CompatCommand.class,
                ReplayCommand.class, VersionCommand.class})
public final class Main implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    public static void main(String[] args) {
        System.exit(commandLine(System.getenv()).execute(args));
    }

    /**
     * The configured command line; every command reads its settings from {@code env} (the process environment in
     * production, a map in tests).
     */
    public static CommandLine commandLine(Map<String, String> env) {
        CommandLine cli = new CommandLine(new Main(), new EnvFactory(env));
        cli.setExecutionExceptionHandler(new ErrorHandler());
        return cli;
    }

    /** Runs {@code args} with output captured into {@code out}/{@code err}; returns the exit code. */
    public static int execute(Map<String, String> env, PrintWriter out, PrintWriter err, String... args) {
        CommandLine cli = commandLine(env);
        cli.setOut(out);
        cli.setErr(err);
        return cli.execute(args);
    }

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        err.println("Missing command.");
        spec.commandLine().usage(err);
        return CommandLine.ExitCode.USAGE;
    }
}
