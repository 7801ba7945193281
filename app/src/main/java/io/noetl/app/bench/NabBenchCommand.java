package io.noetl.app.bench;

import io.noetl.topology.anomaly.AnomalyDetector;
import io.noetl.topology.anomaly.Detectors;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.temporal.ChronoField;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code nab}: runs one streaming anomaly detector over every NAB CSV ({@code timestamp,value}) under a data folder,
 * one value at a time with a new detector per file, and writes {@code <out>/<category>/<detector>_<file>.csv} with
 * {@code timestamp,value,anomaly_score} for NAB's scorer. Prints a summary line.
 */
@Command(name = "nab", mixinStandardHelpOptions = true,
        description = "Run an anomaly detector over the NAB corpus and write scorer-ready results.")
public final class NabBenchCommand implements Callable<Integer> {

    private static final DateTimeFormatter TS = new DateTimeFormatterBuilder()
            .appendPattern("yyyy-MM-dd HH:mm:ss")
            .optionalStart().appendFraction(ChronoField.NANO_OF_SECOND, 0, 9, true).optionalEnd()
            .toFormatter();

    @Spec
    private CommandSpec spec;

    @Option(names = "--data", required = true, description = "NAB data folder with category subfolders of CSVs")
    private Path data;

    @Option(names = "--out", required = true, description = "output folder for results")
    private Path out;

    @Option(names = "--detector", description = "detector name (default: ${DEFAULT-VALUE}); one of "
            + "windowed-gaussian, novelty")
    private String detector = Detectors.DEFAULT;

    /** For picocli. */
    public NabBenchCommand() {
    }

    @Override
    public Integer call() throws IOException {
        if (!Detectors.names().contains(detector)) {
            throw new ParameterException(spec.commandLine(),
                    "unknown --detector '" + detector + "'; known: " + Detectors.names());
        }
        if (!Files.isDirectory(data)) {
            throw new ParameterException(spec.commandLine(), "--data folder not found: " + data);
        }
        List<Path> files;
        try (Stream<Path> walk = Files.walk(data)) {
            files = walk.filter(p -> Files.isRegularFile(p) && p.toString().endsWith(".csv")).sorted().toList();
        }
        if (files.isEmpty()) {
            throw new ParameterException(spec.commandLine(), "--data folder has no CSV files: " + data);
        }
        long start = System.nanoTime();
        long rows = 0;
        for (Path file : files) {
            rows += runFile(file);
        }
        long ms = (System.nanoTime() - start) / 1_000_000;
        PrintWriter pw = spec.commandLine().getOut();
        pw.printf("nab detector=%s files=%d rows=%d ms=%d out=%s%n", detector, files.size(), rows, ms, out);
        pw.flush();
        return 0;
    }

    private long runFile(Path file) throws IOException {
        Path rel = data.relativize(file);
        Path category = rel.getParent() == null ? Path.of("") : rel.getParent();
        Path target = out.resolve(category).resolve(detector + "_" + file.getFileName());
        Files.createDirectories(target.getParent());
        AnomalyDetector d = Detectors.create(detector);
        long rows = 0;
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8);
                BufferedWriter w = Files.newBufferedWriter(target, StandardCharsets.UTF_8)) {
            String header = in.readLine();
            if (header == null) {
                throw new IOException("empty CSV " + file);
            }
            w.write("timestamp,value,anomaly_score\n");
            String line;
            while ((line = in.readLine()) != null) {
                if (line.isBlank()) {
                    continue;
                }
                int comma = line.lastIndexOf(',');
                if (comma < 0) {
                    throw new IOException("bad row in " + file + ": " + line);
                }
                String ts = line.substring(0, comma).trim();
                String raw = line.substring(comma + 1).trim();
                double score = d.score(millis(ts), Double.parseDouble(raw));
                w.write(ts + "," + raw + "," + score + "\n");
                rows++;
            }
        }
        return rows;
    }

    private static long millis(String ts) {
        try {
            return LocalDateTime.parse(ts, TS).toInstant(ZoneOffset.UTC).toEpochMilli();
        } catch (RuntimeException e) {
            return 0L;
        }
    }
}
