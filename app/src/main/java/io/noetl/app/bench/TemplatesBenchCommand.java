package io.noetl.app.bench;

import io.noetl.topology.template.TemplateMiner;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code bench templates}: feeds the {@code Content} column of a Loghub {@code *_structured.csv} line by line to one
 * {@link TemplateMiner} (the topology's miner) and writes {@code LineId,ClusterId} for the grouping-accuracy scorer.
 * Each id is the one {@code mine} returned, resolved through the miner's aliases (clusters folded later keep
 * answering the survivor's id, as a template store would); {@code --streaming-ids} writes the raw ids instead.
 * Prints {@code lines=N clusters=N ms=N}.
 */
@Command(name = "templates", mixinStandardHelpOptions = true,
        description = "Loghub-2k template clustering: structured CSV in, LineId,ClusterId out.")
public final class TemplatesBenchCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Option(names = "--input", required = true, paramLabel = "STRUCTURED_CSV",
            description = "Loghub *_structured.csv (header with LineId and Content)")
    private Path input;

    @Option(names = "--out", required = true, paramLabel = "FILE.csv", description = "output CSV LineId,ClusterId")
    private Path out;

    @Option(names = "--streaming-ids",
            description = "write each line's id as returned when it was mined, not resolved through later folds")
    private boolean streamingIds;

    /** For picocli. */
    public TemplatesBenchCommand() {
    }

    @Override
    public Integer call() throws IOException {
        if (!Files.isReadable(input) || Files.isDirectory(input)) {
            throw new ParameterException(spec.commandLine(), "--input: cannot read file " + input);
        }
        long start = System.nanoTime();
        List<List<String>> rows;
        try (BufferedReader reader = Files.newBufferedReader(input, StandardCharsets.UTF_8)) {
            rows = Csv.read(reader);
        }
        if (rows.isEmpty()) {
            throw new ParameterException(spec.commandLine(), "--input: empty file " + input);
        }
        int lineCol = rows.getFirst().indexOf("LineId");
        int contentCol = rows.getFirst().indexOf("Content");
        if (lineCol < 0 || contentCol < 0) {
            throw new ParameterException(spec.commandLine(), "--input: no LineId and Content columns in " + input);
        }
        TemplateMiner miner = new TemplateMiner();
        Path parent = out.toAbsolutePath().getParent();
        try {
            if (parent != null) {
                Files.createDirectories(parent);
            }
            List<String> ids = new ArrayList<>(rows.size());
            for (List<String> row : rows.subList(1, rows.size())) {
                ids.add(miner.mine(contentCol < row.size() ? row.get(contentCol) : "").templateId());
            }
            try (BufferedWriter w = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
                w.write("LineId,ClusterId\n");
                for (int i = 0; i < ids.size(); i++) {
                    String id = streamingIds ? ids.get(i) : miner.resolve(ids.get(i));
                    w.write(Csv.field(rows.get(i + 1).get(lineCol)) + "," + id + "\n");
                }
            }
        } catch (IOException e) {
            throw new ParameterException(spec.commandLine(), "--out: cannot write file " + out + ": " + e.getMessage());
        }
        long ms = (System.nanoTime() - start) / 1_000_000;
        PrintWriter console = spec.commandLine().getOut();
        console.printf("lines=%d clusters=%d ms=%d%n", rows.size() - 1, miner.clusterCount(), ms);
        console.flush();
        return 0;
    }
}
