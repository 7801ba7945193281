package io.noetl.worker.tool.script;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;

/**
 * Loads the code of a tool from NoETL's {@code script} descriptor ({@code {uri, source: {type, ...}}}): {@code inline}
 * ({@code source.code}), {@code file} ({@code uri} is a path, relative to the worker's working directory, or a
 * {@code file:} URI) and {@code http} ({@code uri} resolved against {@code source.endpoint}, or an absolute URL, with
 * optional {@code source.headers} and {@code source.timeout} in seconds). A plain string is a {@code uri} whose scheme
 * names the source. Object stores ({@code gcs}, {@code s3}) need cloud services this worker does not reach.
 */
public final class ScriptLoader {

    private static final HttpClient HTTP = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(10))
            .followRedirects(HttpClient.Redirect.NORMAL)
            .build();

    private ScriptLoader() {
    }

    /**
     * The script's text.
     *
     * @param descriptor the rendered {@code script} value
     * @param timeout    upper bound for a download
     * @throws ScriptException naming the source and what went wrong
     */
    public static String load(Object descriptor, Duration timeout) throws InterruptedException {
        String uri;
        Map<?, ?> source;
        if (descriptor instanceof String s) {
            uri = s.trim();
            source = Map.of();
        } else if (descriptor instanceof Map<?, ?> m) {
            uri = m.get("uri") == null ? null : String.valueOf(m.get("uri")).trim();
            source = m.get("source") instanceof Map<?, ?> src ? src : Map.of();
        } else {
            throw new ScriptException("'script' must be a mapping {uri, source: {type}} or a uri string", false);
        }
        String type = source.get("type") == null ? typeOf(uri) : String.valueOf(source.get("type"))
                .toLowerCase(Locale.ROOT);
        return switch (type) {
            case "inline" -> inline(source);
            case "file" -> file(uri);
            case "http", "https" -> http(uri, source, timeout);
            case "gcs", "gs", "s3" -> throw new ScriptException("script source type '" + type + "' (" + uri
                    + ") needs a cloud object store, which is not supported here: use a file or http source", false);
            default -> throw new ScriptException("unknown script source type '" + type
                    + "' (expected inline, file or http)", false);
        };
    }

    private static String typeOf(String uri) {
        if (uri == null || uri.isEmpty()) {
            throw new ScriptException("'script' needs a 'uri' or source.type inline with source.code", false);
        }
        String lower = uri.toLowerCase(Locale.ROOT);
        if (lower.startsWith("http://") || lower.startsWith("https://")) {
            return "http";
        }
        if (lower.startsWith("gs://")) {
            return "gcs";
        }
        return lower.startsWith("s3://") ? "s3" : "file";
    }

    private static String inline(Map<?, ?> source) {
        Object code = source.get("code") != null ? source.get("code") : source.get("content");
        if (code == null || String.valueOf(code).isBlank()) {
            throw new ScriptException("inline script needs source.code", false);
        }
        return String.valueOf(code);
    }

    private static String file(String uri) {
        if (uri == null || uri.isEmpty()) {
            throw new ScriptException("file script needs a 'uri' (a path)", false);
        }
        Path path = uri.startsWith("file:") ? Path.of(URI.create(uri)) : Path.of(uri);
        try {
            return Files.readString(path, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new ScriptException("script file " + path.toAbsolutePath() + " does not exist", false);
        } catch (IOException e) {
            throw new ScriptException("cannot read script file " + path.toAbsolutePath() + ": " + e, false);
        }
    }

    private static String http(String uri, Map<?, ?> source, Duration timeout) throws InterruptedException {
        Object endpoint = source.get("endpoint") != null ? source.get("endpoint") : source.get("url");
        URI target;
        try {
            target = endpoint == null ? URI.create(uri) : uri == null || uri.isEmpty()
                    ? URI.create(String.valueOf(endpoint)) : URI.create(String.valueOf(endpoint).trim()).resolve(uri);
        } catch (IllegalArgumentException e) {
            throw new ScriptException("invalid script URL: " + e.getMessage(), false);
        }
        if (target.getScheme() == null || !target.getScheme().startsWith("http")) {
            throw new ScriptException("http script needs an absolute http(s) URL, got '" + target + "'", false);
        }
        Duration limit = timeout;
        if (source.get("timeout") instanceof Number n && n.doubleValue() > 0) {
            Duration own = Duration.ofMillis((long) (n.doubleValue() * 1000));
            limit = own.compareTo(limit) < 0 ? own : limit;
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(target).timeout(limit).GET();
        if (source.get("headers") instanceof Map<?, ?> headers) {
            headers.forEach((k, v) -> request.header(String.valueOf(k), String.valueOf(v)));
        }
        HttpResponse<String> response;
        try {
            response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new ScriptException("fetch script " + target + " failed: " + e, true);
        }
        int status = response.statusCode();
        if (status < 200 || status >= 300) {
            throw new ScriptException("fetch script " + target + " answered HTTP " + status,
                    status >= 500 || status == 429);
        }
        return response.body();
    }
}
