package io.noetl.app.bench;

import io.noetl.topology.template.TemplateMiner;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
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

    /** RFC 4180 with a header line; quoted fields may hold commas, doubled quotes and line breaks. */
    private static final CSVFormat STRUCTURED = CSVFormat.DEFAULT.builder()
            .setHeader().setSkipHeaderRecord(true).setAllowMissingColumnNames(true).get();
    /** What the grouping-accuracy scorer reads: LF line ends, fields quoted only where needed. */
    private static final CSVFormat OUTPUT = CSVFormat.DEFAULT.builder().setRecordSeparator('\n').get();

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
        List<String> lineIds = new ArrayList<>();
        List<String> contents = new ArrayList<>();
        try (CSVParser csv = CSVParser.parse(input, StandardCharsets.UTF_8, STRUCTURED)) {
            List<String> header = csv.getHeaderNames();
            if (header.isEmpty()) {
                throw new ParameterException(spec.commandLine(), "--input: empty file " + input);
            }
            if (!header.contains("LineId") || !header.contains("Content")) {
                throw new ParameterException(spec.commandLine(), "--input: no LineId and Content columns in "
                        + input);
            }
            for (CSVRecord row : csv) {
                lineIds.add(row.get("LineId"));
                contents.add(row.isSet("Content") ? row.get("Content") : "");
            }
        }
        TemplateMiner miner = new TemplateMiner();
        Path parent = out.toAbsolutePath().getParent();
        try {
            if (parent != null) {
                Files.createDirectories(parent);
            }
            List<String> ids = new ArrayList<>(contents.size());
            for (String content : contents) {
                ids.add(miner.mine(content).templateId());
            }
            try (BufferedWriter w = Files.newBufferedWriter(out, StandardCharsets.UTF_8);
                    CSVPrinter csv = new CSVPrinter(w, OUTPUT)) {
                csv.printRecord("LineId", "ClusterId");
                for (int i = 0; i < ids.size(); i++) {
                    csv.printRecord(lineIds.get(i), streamingIds ? ids.get(i) : miner.resolve(ids.get(i)));
                }
            }
        } catch (IOException e) {
            throw new ParameterException(spec.commandLine(), "--out: cannot write file " + out + ": " + e.getMessage());
        }
        long ms = (System.nanoTime() - start) / 1_000_000;
        PrintWriter console = spec.commandLine().getOut();
        console.printf("lines=%d clusters=%d ms=%d%n", contents.size(), miner.clusterCount(), ms);
        console.flush();
        return 0;
    }
}
