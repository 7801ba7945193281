package io.noetl.app.demo;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The example playbooks: from the {@code examples/} folder ({@code NOETL_EXAMPLES_DIR}, default {@code ./examples})
 * when it exists, so edits show up without a rebuild, else the copies packaged in the app jar.
 */
public final class Examples {

    /** Packaged examples, in the order the demo runs them. */
    public static final List<String> FILES = List.of(
            "data_quality_gate.yaml",
            "data_quality_gate_postgres.yaml",
            "api_integration_retries.yaml",
            "fanout_loop.yaml",
            "ml_pipeline.yaml",
            "ledger_reconcile.yaml",
            "latency_watch.yaml");

    public static final String DATA_QUALITY_GATE = "examples/data_quality_gate";
    public static final String DATA_QUALITY_GATE_POSTGRES = "examples/data_quality_gate_postgres";
    public static final String API_RETRIES = "examples/api_integration_retries";
    public static final String FANOUT_LOOP = "examples/fanout_loop";
    public static final String ML_PIPELINE = "examples/ml_pipeline";
    /** Run by the demo in a phase of its own ({@link LatencyPhase}), not with the others. */
    public static final String LATENCY_WATCH = "examples/latency_watch";
    /** Fails for real in the demo (the ledger is down); the demo ends with its diagnosis. */
    public static final String LEDGER_RECONCILE = "examples/ledger_reconcile";

    private Examples() {
    }

    public static List<Example> load(Map<String, String> env) {
        Path dir = Path.of(env.getOrDefault("NOETL_EXAMPLES_DIR", "examples"));
        List<Example> out = new ArrayList<>();
        for (String file : FILES) {
            Path onDisk = dir.resolve(file);
            String yaml = Files.isRegularFile(onDisk) ? read(onDisk) : packaged(file);
            out.add(new Example(file, pathOf(yaml, file), yaml));
        }
        return out;
    }

    /** The packaged copy of {@code file} (one of {@link #FILES}). */
    public static String packaged(String file) {
        try (InputStream in = Examples.class.getResourceAsStream("/examples/" + file)) {
            if (in == null) {
                throw new IllegalStateException("example " + file + " is not packaged in the app jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("read packaged example " + file, e);
        }
    }

    /** {@code metadata.path}, falling back to {@code metadata.name}. */
    @SuppressWarnings("unchecked")
    static String pathOf(String yaml, String file) {
        Object doc = new Yaml(new SafeConstructor(new LoaderOptions())).load(yaml);
        if (doc instanceof Map<?, ?> map && map.get("metadata") instanceof Map<?, ?> metadata) {
            Object path = metadata.get("path") != null ? metadata.get("path") : metadata.get("name");
            if (path != null) {
                return path.toString();
            }
        }
        throw new IllegalStateException("example " + file + " has no metadata.path or metadata.name");
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException("read example " + file, e);
        }
    }
}
