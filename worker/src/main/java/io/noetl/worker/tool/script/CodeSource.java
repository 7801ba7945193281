package io.noetl.worker.tool.script;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Where a tool's code comes from, in NoETL's precedence: the {@code script} descriptor first, then a base64 field,
 * then an inline field (the first of the given keys that is set). A list of statements in an inline field is
 * joined by {@code joiner}.
 */
public final class CodeSource {

    private CodeSource() {
    }

    /**
     * The code, empty when none of the fields is set.
     *
     * @param config     the rendered tool configuration
     * @param inlineKeys inline fields, in order of preference
     * @param b64Keys    base64 fields, in order of preference
     * @param joiner     how a list of statements becomes one text
     * @param timeout    upper bound for a download
     * @throws ScriptException when a script cannot be loaded or a base64 field does not decode
     */
    public static Optional<String> resolve(Map<String, Object> config, List<String> inlineKeys, List<String> b64Keys,
                                           Function<List<String>, String> joiner, Duration timeout)
            throws InterruptedException {
        if (config.get("script") != null) {
            return Optional.of(ScriptLoader.load(config.get("script"), timeout));
        }
        for (String key : b64Keys) {
            if (config.get(key) instanceof String b64 && !b64.isBlank()) {
                try {
                    return Optional.of(new String(Base64.getMimeDecoder().decode(b64.trim()), StandardCharsets.UTF_8));
                } catch (IllegalArgumentException e) {
                    throw new ScriptException("'" + key + "' is not valid base64: " + e.getMessage(), false);
                }
            }
        }
        for (String key : inlineKeys) {
            Object v = config.get(key);
            if (v instanceof Collection<?> list && !list.isEmpty()) {
                return Optional.of(joiner.apply(list.stream().map(String::valueOf).toList()));
            }
            boolean text = v != null && !(v instanceof Collection<?>) && !(v instanceof Map<?, ?>);
            if (text && !String.valueOf(v).isBlank()) {
                return Optional.of(String.valueOf(v));
            }
        }
        return Optional.empty();
    }

    /** Statements joined one per line, each ending with {@code ;}. */
    public static String sqlStatements(List<String> statements) {
        StringBuilder sb = new StringBuilder();
        for (String s : statements) {
            String t = s.strip();
            if (t.isEmpty()) {
                continue;
            }
            sb.append(t);
            if (!t.endsWith(";")) {
                sb.append(';');
            }
            sb.append('\n');
        }
        return sb.toString();
    }
}
