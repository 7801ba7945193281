package io.noetl.app.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import io.noetl.schemas.Json;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The client speaks the REST conventions: JSON bodies, ids named execution_id, one error body. */
class NoetlClientTest {

    private HttpServer server;
    private final List<String> seen = new CopyOnWriteArrayList<>();
    private NoetlClient client;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/api/playbooks", ex -> {
            seen.add(ex.getRequestMethod() + " " + ex.getRequestHeaders().getFirst("Content-Type") + " "
                    + new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            reply(ex, 400, "{\"error\":{\"code\":\"invalid_playbook\",\"message\":\"2 problems\","
                    + "\"details\":[{\"path\":\"workflow[0]\",\"line\":7,\"message\":\"no step\"},\"metadata: no name\"]}}");
        });
        server.createContext("/api/executions", ex -> {
            String path = ex.getRequestURI().getPath();
            seen.add(ex.getRequestMethod() + " " + (path.equals("/api/executions") ? "" : path + " ")
                    + new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            reply(ex, 201, "{\"execution_id\":\"01EXEC\",\"status\":\"RUNNING\"}");
        });
        server.start();
        client = new NoetlClient("http://127.0.0.1:" + server.getAddress().getPort() + "/");
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private static void reply(com.sun.net.httpserver.HttpExchange ex, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", "application/json");
        ex.sendResponseHeaders(status, bytes.length);
        ex.getResponseBody().write(bytes);
        ex.close();
    }

    @Test
    void startPostsPathAndWorkloadAndReturnsTheExecutionId() {
        String id = client.start("examples/fanout_loop", Map.of("day", "2024-06-01"));
        assertThat(id).isEqualTo("01EXEC");
        assertThat(Json.tree(seen.get(0).substring(5).getBytes(StandardCharsets.UTF_8)))
                .isEqualTo(Json.tree("{\"path\":\"examples/fanout_loop\",\"workload\":{\"day\":\"2024-06-01\"}}"
                        .getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void startOfAChosenVersionSendsTheVersion() {
        client.start("examples/fanout_loop", 2, Map.of());
        assertThat(Json.tree(seen.get(0).substring(5).getBytes(StandardCharsets.UTF_8)))
                .isEqualTo(Json.tree("{\"path\":\"examples/fanout_loop\",\"version\":2,\"workload\":{}}"
                        .getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void cancelPostsTheReasonToTheExecutionsCancelRoute() {
        client.cancel("01EXEC", "timed out");
        assertThat(seen.get(0)).isEqualTo("POST /api/executions/01EXEC/cancel {\"reason\":\"timed out\"}");
    }

    @Test
    void registerSendsTheYamlAndMapsTheErrorBodyWithEveryDetail() {
        assertThatThrownBy(() -> client.register("apiVersion: noetl.io/v2\n"))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.status()).isEqualTo(400);
                    assertThat(e.code()).isEqualTo("invalid_playbook");
                    assertThat(e.details()).containsExactly("workflow[0] (line 7): no step", "metadata: no name");
                    assertThat(e.describe()).contains("400 invalid_playbook: 2 problems").contains("metadata: no name");
                });
        assertThat(seen.get(0)).isEqualTo("POST application/yaml apiVersion: noetl.io/v2\n");
    }

    @Test
    void anUnreachableApiIsReportedWithStatusZero() {
        NoetlClient nowhere = new NoetlClient("http://127.0.0.1:1");
        assertThatThrownBy(() -> nowhere.execution("x"))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.status()).isZero());
    }
}
