package io.noetl.app.cli;

import io.noetl.app.client.NoetlClient;
import io.noetl.app.compat.CompatReport;
import io.noetl.app.compat.CompatRun;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * Measures how many playbooks of some folders a running server ({@code NOETL_API}) accepts and runs. It is a
 * measurement: it exits with 0 whatever the figures; 2 on usage errors.
 */
@Command(name = "compat", mixinStandardHelpOptions = true,
        description = {"Register every playbook under DIR... with a running server (NOETL_API, default "
                + NoetlClient.DEFAULT_API + "), run those that need nothing outside this machine, and report what was "
                + "rejected, skipped and failed, and why.",
                "The last line is: accepted=A/N runs_completed=C/R"})
public final class CompatCommand implements Callable<Integer> {

    private final Map<String, String> env;

    @Spec
    private CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "DIR", description = "folders searched recursively for *.yaml/*.yml playbooks")
    private List<Path> folders;

    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "60",
            description = "how long one run may take to settle (default ${DEFAULT-VALUE})")
    private long timeoutSeconds;

    @Option(names = "--parallel", paramLabel = "N", defaultValue = "4",
            description = "runs at a time (default ${DEFAULT-VALUE})")
    private int parallel;

    public CompatCommand(Map<String, String> env) {
        this.env = env;
    }

    @Override
    public Integer call() throws InterruptedException {
        for (Path folder : folders) {
            if (!Files.isDirectory(folder)) {
                throw new CommandLine.ParameterException(spec.commandLine(), "no such folder: " + folder);
            }
        }
        if (timeoutSeconds < 1) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--timeout must be at least 1 second");
        }
        if (parallel < 1) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--parallel must be at least 1");
        }
        PrintWriter out = spec.commandLine().getOut();
        CompatReport report = new CompatRun(NoetlClient.fromEnv(env), Duration.ofSeconds(timeoutSeconds), parallel)
                .measure(folders, out);
        report.print(out);
        return 0;
    }
}
