package io.noetl.worker.tool.http;

import io.noetl.schemas.playbook.Durations;
import io.noetl.worker.tool.ToolCall;
import io.noetl.worker.tool.ToolOutcome;
import io.noetl.worker.tool.ToolRunner;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.channels.UnresolvedAddressException;
import java.time.Duration;

/**
 * The {@code http} tool: {@code method} (GET), {@code url} (or NoETL's legacy alias {@code endpoint}),
 * {@code headers}, {@code params}, {@code body} (or {@code payload}), {@code timeout}. Result
 * {@code {status, headers, body}}; see {@link HttpOutcomes} for how statuses map to errors and {@link HttpFailures}
 * for how failures without a response are named.
 */
public final class HttpRunner implements ToolRunner {

    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);

    private final HttpClient client = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(CONNECT_TIMEOUT)
            .followRedirects(HttpClient.Redirect.NORMAL)
            .build();

    @Override
    public String kind() {
        return "http";
    }

    @Override
    public ToolOutcome run(ToolCall call) throws InterruptedException {
        HttpRequest request;
        Duration timeout = call.timeout();
        try {
            if (call.config().get("timeout") != null) {
                Duration own = Duration.ofMillis(Durations.toMillis(call.config().get("timeout")));
                timeout = own.compareTo(timeout) < 0 ? own : timeout;
            }
            request = HttpRequests.build(call.config(), timeout);
        } catch (IllegalArgumentException e) {
            return ToolOutcome.Failed.fatal("ConfigError", "http tool: " + e.getMessage());
        }
        try {
            HttpResponse<byte[]> response = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
            return HttpOutcomes.of(response, call.redactor());
        } catch (IOException | UnresolvedAddressException e) {
            if (call.cancellation().isCancelled()) {
                return call.stopped(null).orElseThrow();
            }
            IOException io = e instanceof IOException ioe ? ioe : new IOException(e);
            return HttpFailures.of(request, io, CONNECT_TIMEOUT);
        }
    }
}
