package io.noetl.worker.tool.http;

import static io.noetl.worker.Commands.command;
import static io.noetl.worker.Commands.run;
import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.noetl.embedded.LoopbackPorts;
import io.noetl.schemas.playbook.KeychainEntry;
import io.noetl.worker.tool.ToolOutcome;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Against a JDK HttpServer written in the test. */
class HttpRunnerTest {

    private static HttpServer server;
    private static String base;

    @BeforeAll
    static void startServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/echo", ex -> {
            String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            String json = "{\"method\":\"" + ex.getRequestMethod() + "\",\"query\":\"" + ex.getRequestURI().getRawQuery()
                    + "\",\"ctype\":\"" + ex.getRequestHeaders().getFirst("Content-Type") + "\",\"x\":\""
                    + ex.getRequestHeaders().getFirst("X-Test") + "\",\"body\":" + (body.isEmpty() ? "null" : body) + "}";
            respond(ex, 200, json, "application/json");
        });
        server.createContext("/status/", ex -> {
            int code = Integer.parseInt(ex.getRequestURI().getPath().substring("/status/".length()));
            respond(ex, code, "status " + code, "text/plain");
        });
        server.createContext("/slow", ex -> {
            try {
                Thread.sleep(3_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            respond(ex, 200, "late", "text/plain");
        });
        server.createContext("/limited", ex -> {
            ex.getResponseHeaders().set("Retry-After", "30");
            ex.getResponseHeaders().set("X-RateLimit-Remaining", "0");
            ex.getResponseHeaders().set("RateLimit-Reset", "17");
            ex.getResponseHeaders().set("X-Request-Id", "req-123");
            respond(ex, 429, "{\"error\":\"rate_limited\",\"detail\":\"slow down\"}", "application/json");
        });
        server.createContext("/auth", ex -> {
            ex.getResponseHeaders().set("WWW-Authenticate", "Bearer error=\"invalid_token\"");
            respond(ex, 401, "token expired", "text/plain");
        });
        server.createContext("/leaky", ex -> {
            String tail = "x".repeat(2_000);
            respond(ex, 500, "{\"error\":\"boom\",\"echo\":\"k3y-s3cr3t-value\",\"token\":\"tok-123456\","
                    + "\"filler\":\"" + tail + "\"}", "application/json");
        });
        server.setExecutor(java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor());
        server.start();
        base = "http://127.0.0.1:" + server.getAddress().getPort();
    }

    @AfterAll
    static void stopServer() {
        server.stop(0);
    }

    private static void respond(com.sun.net.httpserver.HttpExchange ex, int code, String body, String type)
            throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", type);
        ex.sendResponseHeaders(code, bytes.length);
        ex.getResponseBody().write(bytes);
        ex.close();
    }

    @Test
    void postsAJsonBodyWithHeadersAndParamsAndParsesTheJsonResponse() throws Exception {
        ToolOutcome outcome = run(command("http", Map.of("method", "post", "url", base + "/echo",
                "headers", Map.of("X-Test", "{{ workload.n }}"), "params", Map.of("q", "a b", "page", 2),
                "body", Map.of("items", List.of(1, 2))))).outcome();
        ToolOutcome.Succeeded ok = (ToolOutcome.Succeeded) outcome;
        assertThat(ok.result().path("status").asInt()).isEqualTo(200);
        assertThat(ok.result().path("headers").path("content-type").asText()).isEqualTo("application/json");
        assertThat(ok.result().path("body").path("method").asText()).isEqualTo("POST");
        assertThat(ok.result().path("body").path("query").asText().split("&")).containsExactlyInAnyOrder("q=a%20b", "page=2");
        assertThat(ok.result().path("body").path("ctype").asText()).isEqualTo("application/json");
        assertThat(ok.result().path("body").path("x").asText()).isEqualTo("3");
        assertThat(ok.result().path("body").path("body").path("items").toString()).isEqualTo("[1,2]");
    }

    @Test
    @DisplayName("NoETL's legacy endpoint is an alias of url, and payload of body")
    void endpointIsAnAliasOfUrlAndPayloadOfBody() throws Exception {
        ToolOutcome.Succeeded ok = (ToolOutcome.Succeeded) run(command("http", Map.of("method", "PUT",
                "endpoint", base + "/echo", "payload", Map.of("k", "{{ workload.n }}")))).outcome();
        assertThat(ok.result().path("body").path("method").asText()).isEqualTo("PUT");
        assertThat(ok.result().path("body").path("body").path("k").asInt()).isEqualTo(3);
    }

    @Test
    void treats404AsNotRetriableHttpErrorKeepingTheResponse() throws Exception {
        ToolOutcome.Failed failed = (ToolOutcome.Failed) run(command("http", Map.of("url", base + "/status/404")))
                .outcome();
        assertThat(failed.error().type()).isEqualTo("HttpError");
        assertThat(failed.error().retriable()).isFalse();
        assertThat(failed.result().path("status").asInt()).isEqualTo(404);
        assertThat(failed.meta()).containsEntry("http_status", 404);
    }

    @Test
    void treats429And503AsRetriableHttpErrorsWithStatusInResultAndMeta() throws Exception {
        for (int code : new int[] {429, 503}) {
            ToolOutcome.Failed failed = (ToolOutcome.Failed) run(command("http",
                    Map.of("url", base + "/status/" + code))).outcome();
            assertThat(failed.error().type()).isEqualTo("HttpError");
            assertThat(failed.error().retriable()).isTrue();
            assertThat(failed.result().path("status").asInt()).isEqualTo(code);
            assertThat(failed.result().path("body").asText()).isEqualTo("status " + code);
            assertThat(failed.meta()).containsEntry("http_status", code);
        }
    }

    @Test
    @DisplayName("an error response keeps its status, the headers that tell why and the start of its body")
    void errorResponsesKeepStatusTellingHeadersAndBodyStart() throws Exception {
        ToolOutcome.Failed limited = (ToolOutcome.Failed) run(command("http", Map.of("url", base + "/limited")))
                .outcome();
        assertThat(limited.error().message()).startsWith("HTTP 429 from GET " + base + "/limited")
                .contains("Retry-After: 30").contains("X-Ratelimit-Remaining: 0").contains("Ratelimit-Reset: 17")
                .contains("body: {\"error\":\"rate_limited\",\"detail\":\"slow down\"}")
                .doesNotContain("req-123");
        ToolOutcome.Failed auth = (ToolOutcome.Failed) run(command("http", Map.of("url", base + "/auth")))
                .outcome();
        assertThat(auth.error().message()).contains("HTTP 401")
                .contains("Www-Authenticate: Bearer error=\"invalid_token\"").contains("body: token expired");
    }

    @Test
    @DisplayName("the body kept in an error is redacted, then cut to 512 characters")
    void errorBodyIsRedactedThenBounded() throws Exception {
        ToolOutcome.Failed failed = (ToolOutcome.Failed) run(command("http", Map.of("url", base + "/leaky"),
                Map.of(), List.of(new KeychainEntry("api", "secret", "k3y-s3cr3t-value", null)), null)).outcome();
        String message = failed.error().message();
        assertThat(message).contains("HTTP 500").contains("\"error\":\"boom\"")
                .doesNotContain("k3y-s3cr3t-value").doesNotContain("tok-123456").contains("***");
        String body = message.substring(message.indexOf("; body: ") + "; body: ".length());
        assertThat(body).hasSizeLessThanOrEqualTo(HttpOutcomes.BODY_CHARS + 1).endsWith("…");
        assertThat(failed.result().path("body").path("filler").asText()).hasSize(2_000);
    }

    @Test
    void reportsAClosedPortAsRetriableConnectionError() throws Exception {
        int closed = LoopbackPorts.free();
        ToolOutcome.Failed failed = (ToolOutcome.Failed) run(command("http",
                Map.of("url", "http://127.0.0.1:" + closed + "/x"))).outcome();
        assertThat(failed.error().type()).isEqualTo("ConnectionError");
        assertThat(failed.error().retriable()).isTrue();
    }

    @Test
    void reportsASlowServerAsRetriableTimeout() throws Exception {
        ToolOutcome.Failed failed = (ToolOutcome.Failed) run(command("http",
                Map.of("url", base + "/slow", "timeout", "300ms"))).outcome();
        assertThat(failed.error().type()).isEqualTo("Timeout");
        assertThat(failed.error().retriable()).isTrue();
    }
}
