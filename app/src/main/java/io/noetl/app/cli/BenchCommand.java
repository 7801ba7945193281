package io.noetl.app.cli;

import io.noetl.app.bench.BridgeBenchCommand;
import io.noetl.app.bench.EngineBenchCommand;
import io.noetl.app.bench.NabBenchCommand;
import io.noetl.app.bench.TemplatesBenchCommand;
import io.noetl.app.bench.insights.InsightsBenchCommand;
import io.noetl.app.bench.sink.RetrievalBenchCommand;
import io.noetl.app.bench.sink.SearchBenchCommand;
import io.noetl.app.bench.sink.SinkBenchCommand;
import io.noetl.app.bench.stream.TopologyBenchCommand;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** Groups the benchmarks. */
@Command(name = "bench", mixinStandardHelpOptions = true, description = "Benchmarks.",
        subcommands = {EngineBenchCommand.class, TopologyBenchCommand.class, BridgeBenchCommand.class,
            NabBenchCommand.class, TemplatesBenchCommand.class, RetrievalBenchCommand.class, SearchBenchCommand.class,
            SinkBenchCommand.class, InsightsBenchCommand.class})
public final class BenchCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().getErr().println("Missing benchmark: use one of 'bench engine|topology|bridge|nab|templates|retrieval|search|sink|insights'.");
        spec.commandLine().usage(spec.commandLine().getErr());
        return CommandLine.ExitCode.USAGE;
    }
}
