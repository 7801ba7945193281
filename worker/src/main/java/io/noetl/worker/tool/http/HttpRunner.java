package io.noetl.worker.tool.http;

import io.noetl.schemas.playbook.Durations;
import io.noetl.worker.tool.ToolCall;
import io.noetl.worker.tool.ToolOutcome;
import io.noetl.worker.tool.ToolRunner;
import java.io.IOException;
import java.net.ConnectException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.time.Duration;
import java.util.Map;

/**
 * The {@code http} tool: {@code method} (GET), {@code url}, {@code headers}, {@code params}, {@code body},
 * {@code timeout}. Result {@code {status, headers, body}}; see {@link HttpOutcomes} for how statuses and
 * failures map to errors.
 */
public final class HttpRunner implements ToolRunner {

    private final HttpClient client = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10))
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
            return HttpOutcomes.of(response);
        } catch (HttpTimeoutException e) {
            return call.stopped(null).orElseGet(() -> new ToolOutcome.Failed(
                    io.noetl.schemas.event.ErrorInfo.retriable("Timeout", request.method() + " " + request.uri()
                            + " timed out after " + (request.timeout().orElse(Duration.ZERO).toMillis()) + " ms"),
                    null, null, Map.of()));
        } catch (ConnectException | UnresolvedAddressException e) {
            return connectionError(request, e);
        } catch (IOException e) {
            if (call.cancellation().isCancelled()) {
                return call.stopped(null).orElseThrow();
            }
            return connectionError(request, e);
        }
    }

    private static ToolOutcome connectionError(HttpRequest request, Exception e) {
        String reason = e.getMessage() != null ? e.getMessage()
                : e.getCause() != null ? e.getCause().toString() : e.getClass().getSimpleName();
        return ToolOutcome.Failed.retriable("ConnectionError",
                request.method() + " " + request.uri().getHost() + ":" + request.uri().getPort()
                        + " failed: " + reason);
    }
}
