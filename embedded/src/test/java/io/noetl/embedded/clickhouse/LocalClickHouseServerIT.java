package io.noetl.embedded.clickhouse;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalClickHouseServerIT {

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();

    @TempDir
    Path dir;

    @Test
    @DisplayName("a private ClickHouse answers on its own port, and a stop and a start keep its folder and port")
    void startsStopsAndStartsAgain() throws Exception {
        try (LocalClickHouseServer server = LocalClickHouseServer.open(ClickHouseBinary.resolve(System.getenv()),
                dir.resolve("ch"))) {
            assertThat(server.isRunning()).isTrue();
            assertThat(server.url()).isEqualTo("http://127.0.0.1:" + server.httpPort());
            assertThat(server.dir()).isEqualTo(dir.resolve("ch"));
            assertThat(query(server, "SELECT 40 + 2")).isEqualTo("42\n");
            query(server, "CREATE TABLE kept (n UInt64) ENGINE = MergeTree ORDER BY n");
            query(server, "INSERT INTO kept VALUES (7)");

            server.stop();
            assertThat(server.isRunning()).isFalse();
            assertThat(pings(server)).isFalse();

            server.start();
            assertThat(query(server, "SELECT n FROM kept")).isEqualTo("7\n");
        }
        assertThat(dir.resolve("ch/config.xml")).exists();
    }

    private boolean pings(LocalClickHouseServer server) throws InterruptedException {
        try {
            return http.send(HttpRequest.newBuilder(URI.create(server.url() + "/ping")).build(),
                    HttpResponse.BodyHandlers.ofString()).statusCode() == 200;
        } catch (IOException refused) {
            return false;
        }
    }

    private String query(LocalClickHouseServer server, String sql) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(server.url() + "/"))
                .POST(HttpRequest.BodyPublishers.ofString(sql)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return response.body();
    }
}
