package io.noetl.worker.tool.python;

import com.fasterxml.jackson.databind.JsonNode;
import io.noetl.schemas.Json;
import io.noetl.schemas.event.ErrorInfo;
import io.noetl.worker.tool.ToolCall;
import io.noetl.worker.tool.ToolOutcome;
import io.noetl.worker.tool.ToolRunner;
import io.noetl.worker.tool.process.Processes;
import io.noetl.worker.tool.script.CodeSource;
import io.noetl.worker.tool.script.ScriptException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The {@code python} tool: runs code in a {@code python3} subprocess. The code comes from {@code script} (see
 * {@link io.noetl.worker.tool.script.ScriptLoader}), {@code code_b64}, {@code code} or {@code spec.code}. The keys of
 * the tool's {@code args} and {@code input} are bound as variables (strings holding a dict or list literal become
 * that value), and all of them as {@code input_data}; {@code libs} ({@code alias: module} or
 * {@code alias: {from, import}}) are imported first. The result is what {@code main(...)} returns when the code
 * defines one (each parameter bound by name from input/args, then the context; {@code context} gets the whole
 * context, {@code **kwargs} the remaining bindings), else the {@code result} variable.
 *
 * <p>Data exchange: the worker writes {@code {step, code, context}} as JSON to a temp file and starts
 * {@code python3 -c <bootstrap> in.json out.json}; the bootstrap binds every top-level context entry as a
 * variable ({@code workload}, {@code vars}, {@code args}, {@code execution_id}, {@code iter}, {@code keychain},
 * earlier steps' results by name; dicts also allow attribute access), runs the code, and writes
 * {@code {ok, result}} or {@code {ok: false, type, message, stack}} to {@code out.json}. stdout and stderr go to
 * a third file and become the logs, so user prints never mix with the result.
 */
public final class PythonRunner implements ToolRunner {

    private static final String BOOTSTRAP = loadBootstrap();

    private final String python;

    /** @param python the interpreter ({@code python3}) */
    public PythonRunner(String python) {
        this.python = python;
    }

    @Override
    public String kind() {
        return "python";
    }

    @Override
    public ToolOutcome run(ToolCall call) throws InterruptedException {
        String source;
        try {
            source = code(call);
        } catch (ScriptException e) {
            return ToolOutcome.Failed.of(new ErrorInfo("ScriptError", e.getMessage(), null, e.retriable()));
        }
        if (source == null || source.isBlank()) {
            return ToolOutcome.Failed.fatal("ConfigError",
                    "python tool needs code in 'code', 'spec.code', 'code_b64' or a 'script'");
        }
        Path dir = null;
        try {
            dir = Files.createTempDirectory("noetl-py");
            Path in = dir.resolve("in.json");
            Path out = dir.resolve("out.json");
            Path logFile = dir.resolve("logs.txt");
            Map<String, Object> spec = new LinkedHashMap<>();
            spec.put("step", call.command().step());
            spec.put("code", source);
            spec.put("context", context(call, source));
            spec.put("bindings", bindings(call.config()));
            spec.put("libs", call.config().get("libs") instanceof Map<?, ?> libs ? libs : Map.of());
            Files.write(in, Json.bytes(spec));
            ProcessBuilder pb = new ProcessBuilder(python, "-c", BOOTSTRAP, in.toString(), out.toString())
                    .directory(dir.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(logFile.toFile());
            pb.environment().put("PYTHONUNBUFFERED", "1");
            pb.environment().put("PYTHONIOENCODING", "utf-8");
            Processes.Exit exit = Processes.run(pb, call.timeout(), call.cancellation());
            String logs = Processes.readTail(logFile);
            if (exit.killed() || exit.timedOut()) {
                return call.stopped(logs).orElseGet(() -> call.timedOut(logs));
            }
            return outcome(out, exit.exitCode(), logs);
        } catch (IOException e) {
            return ToolOutcome.Failed.fatal("PythonError", "cannot start " + python + ": " + e.getMessage());
        } finally {
            deleteQuietly(dir);
        }
    }

    /**
     * The code: {@code script}, then {@code code_b64} / {@code code_base64}, then {@code code}, then
     * {@code spec.code}.
     */
    private static String code(ToolCall call) throws InterruptedException {
        Optional<String> code = CodeSource.resolve(call.config(), List.of("code"), List.of("code_b64", "code_base64"),
                lines -> String.join("\n", lines), call.timeout());
        if (code.isPresent()) {
            return code.get();
        }
        return call.config().get("spec") instanceof Map<?, ?> spec && spec.get("code") instanceof String s ? s : null;
    }

    /**
     * The context the code sees. Keychain entries fetched over the network are resolved only when the code mentions
     * {@code keychain}: a step that does not use them should neither wait for nor fail on a token endpoint.
     */
    private static Map<String, Object> context(ToolCall call, String code) {
        if (code.contains("keychain") || !call.context().containsKey("keychain")) {
            return call.context();
        }
        Map<String, Object> context = new LinkedHashMap<>(call.context());
        context.put("keychain", call.keychain().resolvedValues());
        return context;
    }

    /** The variables the code sees besides the context: the keys of {@code args}, then of {@code input}. */
    private static Map<String, Object> bindings(Map<String, Object> config) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (String key : new String[] {"args", "input"}) {
            if (config.get(key) instanceof Map<?, ?> m) {
                m.forEach((k, v) -> out.put(String.valueOf(k), v));
            }
        }
        return out;
    }

    private static ToolOutcome outcome(Path out, int exitCode, String logs) {
        JsonNode reply;
        try {
            reply = Files.exists(out) && Files.size(out) > 0 ? Json.tree(Files.readAllBytes(out)) : null;
        } catch (IOException | IllegalArgumentException e) {
            reply = null;
        }
        if (reply == null) {
            return new ToolOutcome.Failed(new ErrorInfo("PythonError",
                    "python exited with code " + exitCode + " without a result", null, false), null, logs, Map.of());
        }
        if (reply.path("ok").asBoolean(false)) {
            return new ToolOutcome.Succeeded(reply.get("result"), logs, Map.of());
        }
        return new ToolOutcome.Failed(new ErrorInfo("PythonError", reply.path("message").asText(),
                reply.path("stack").asText(null), false), null, logs, Map.of());
    }

    private static void deleteQuietly(Path dir) {
        if (dir == null) {
            return;
        }
        try (var files = Files.list(dir)) {
            files.forEach(f -> f.toFile().delete());
        } catch (IOException ignored) {
            // a temp folder left behind is harmless
        }
        dir.toFile().delete();
    }

    private static String loadBootstrap() {
        try (InputStream in = PythonRunner.class.getResourceAsStream("bootstrap.py")) {
            if (in == null) {
                throw new IllegalStateException("bootstrap.py missing from the worker jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("read bootstrap.py", e);
        }
    }
}
