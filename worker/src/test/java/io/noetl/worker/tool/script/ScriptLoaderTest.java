package io.noetl.worker.tool.script;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Script descriptors against files and a JDK HttpServer written in the test. */
class ScriptLoaderTest {

    private static HttpServer server;
    private static String base;

    @BeforeAll
    static void startServer() throws Exception {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/scripts/", ex -> {
            boolean known = ex.getRequestURI().getPath().equals("/scripts/hello.py");
            byte[] body = (known ? "result = 'hi from ' + str(" + ex.getRequestHeaders().getFirst("X-Who") + ")"
                    : "missing").getBytes(StandardCharsets.UTF_8);
            ex.sendResponseHeaders(known ? 200 : 404, body.length);
            ex.getResponseBody().write(body);
            ex.close();
        });
        server.start();
        base = "http://127.0.0.1:" + server.getAddress().getPort();
    }

    @AfterAll
    static void stopServer() {
        server.stop(0);
    }

    @Test
    @DisplayName("an http source resolves the uri against the endpoint, as a full URL endpoint or a base folder")
    void httpSourceResolvesTheUriAgainstTheEndpoint() throws Exception {
        Map<String, Object> source = Map.of("type", "http", "endpoint", base + "/scripts/hello.py",
                "headers", Map.of("X-Who", "7"));
        assertThat(ScriptLoader.load(Map.of("uri", "hello.py", "source", source), Duration.ofSeconds(5)))
                .isEqualTo("result = 'hi from ' + str(7)");
        assertThat(ScriptLoader.load(Map.of("uri", "hello.py", "source", Map.of("type", "http",
                "endpoint", base + "/scripts/")), Duration.ofSeconds(5))).startsWith("result = ");
        assertThat(ScriptLoader.load(base + "/scripts/hello.py", Duration.ofSeconds(5))).startsWith("result = ");
    }

    @Test
    void anHttpErrorStatusFailsNamingTheUrlAndStatus() {
        assertThatThrownBy(() -> ScriptLoader.load(Map.of("uri", base + "/scripts/other.py",
                "source", Map.of("type", "http")), Duration.ofSeconds(5)))
                .isInstanceOf(ScriptException.class).hasMessageContaining("/scripts/other.py")
                .hasMessageContaining("HTTP 404");
    }

    @Test
    void inlineSourceReturnsItsCodeAndObjectStoresAreNotSupported() throws Exception {
        assertThat(ScriptLoader.load(Map.of("uri", "inline", "source", Map.of("type", "inline", "code", "x = 1")),
                Duration.ofSeconds(1))).isEqualTo("x = 1");
        assertThatThrownBy(() -> ScriptLoader.load(Map.of("uri", "gs://bucket/a.py", "source",
                Map.of("type", "gcs")), Duration.ofSeconds(1)))
                .isInstanceOf(ScriptException.class).hasMessageContaining("'gcs'").hasMessageContaining("not supported");
    }
}
