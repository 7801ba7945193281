package io.noetl.app.compat;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.noetl.app.CliRun;
import io.noetl.app.client.NoetlClient;
import io.noetl.schemas.Json;
import io.noetl.server.ServerConfig;
import io.noetl.server.ServerRole;
import io.noetl.testkit.NatsTestServer;
import io.noetl.worker.WorkerConfig;
import io.noetl.worker.WorkerRole;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code noetl compat} against a real server and worker on a private nats-server: a folder of small playbooks that
 * complete, are rejected, fail, time out or need another machine, and the report it prints about them.
 */
class CompatCommandIT {

    private static final String HEADER = "apiVersion: noetl.io/v2\nkind: Playbook\n";

    @TempDir
    static Path dataDir;

    private static ServerRole server;
    private static WorkerRole worker;

    @TempDir
    Path folder;

    @BeforeAll
    static void start() {
        Map<String, String> env = new HashMap<>();
        env.put("NATS_URL", NatsTestServer.shared().url());
        env.put("NOETL_STREAM_PREFIX", "compat" + Long.toHexString(ThreadLocalRandom.current().nextLong() & 0xFFFFFFL)
                + "_");
        env.put("NOETL_HTTP_PORT", "0");
        env.put("NOETL_REAPER_INTERVAL", "1s");
        env.put("NOETL_DATA_DIR", dataDir.toString());
        env.put("PATH", System.getenv().getOrDefault("PATH", ""));
        server = ServerRole.start(ServerConfig.fromEnv(env));
        worker = WorkerRole.start(WorkerConfig.fromEnv(env));
    }

    @AfterAll
    static void stop() {
        if (worker != null) {
            worker.close();
        }
        if (server != null) {
            server.close();
        }
    }

    @Test
    @DisplayName("the report names every rejected, skipped, failed, timed-out and completed playbook with its reason,"
            + " counts the reasons and ends with accepted=A/N runs_completed=C/R")
    void reportsEveryOutcomeAndEndsWithTheFigures() throws Exception {
        write("ok/hello.yaml", """
                metadata: {name: compat_hello, path: compat/hello}
                workload: {n: 2}
                workflow:
                  - step: start
                    tool: {kind: python, code: "result = {'doubled': 4}"}
                """);
        write("ok/parent.yaml", """
                metadata: {name: compat_parent, path: compat/parent}
                workflow:
                  - step: start
                    tool: {kind: playbook, path: compat/hello}
                """);
        write("broken/unknown_arc.yaml", """
                metadata: {name: compat_rejected, path: compat/rejected}
                workflow:
                  - step: start
                    tool: {kind: python, code: "result = 1"}
                    next:
                      - step: nowhere_to_be_found
                """);
        write("failing.yml", """
                metadata: {name: compat_failing, path: compat/failing}
                workflow:
                  - step: start
                    tool: {kind: python, code: "raise ValueError('compat boom')"}
                """);
        write("remote.yaml", """
                metadata: {name: compat_remote, path: compat/remote}
                workload: {api: "https://api.example.org"}
                workflow:
                  - step: fetch
                    tool: {kind: http, method: GET, url: "{{ workload.api }}/items"}
                """);
        write("slow.yaml", """
                metadata: {name: compat_slow, path: compat/slow}
                workflow:
                  - step: start
                    tool: {kind: python, code: "import time\\ntime.sleep(60)\\nresult = 1"}
                """);
        Files.writeString(folder.resolve("settings.yaml"), "retries: 3\n");
        String api = "http://127.0.0.1:" + server.httpPort();

        CliRun cli = new CliRun(Map.of("NOETL_API", api));
        int code = cli.run("compat", "--timeout", "4", folder.toString());

        assertThat(code).as(cli.err()).isZero();
        String out = cli.out();
        assertThat(out).contains("found 6 playbooks under 1 folder(s); 1 other YAML file(s) skipped");
        assertThat(line(out, "REJECTED  " + folder.resolve("broken/unknown_arc.yaml")))
                .contains("(self-contained)").contains("400 invalid_playbook");
        assertThat(out).contains("nowhere_to_be_found");
        assertThat(line(out, "SKIPPED   " + folder.resolve("remote.yaml")))
                .endsWith("(compat/remote): step fetch: http to api.example.org");
        assertThat(line(out, "COMPLETED " + folder.resolve("ok/hello.yaml"))).contains("(compat/hello v1, ");
        assertThat(line(out, "COMPLETED " + folder.resolve("ok/parent.yaml"))).contains("(compat/parent v1, ");
        assertThat(line(out, "FAILED    " + folder.resolve("failing.yml"))).contains("compat boom");
        assertThat(line(out, "TIMEOUT   " + folder.resolve("slow.yaml")))
                .endsWith("still RUNNING after 4s (cancelled)");
        assertThat(out).contains("not self-contained (playbooks per reason):\n     1  http to a remote host\n")
                .contains("     1  TIMEOUT: still RUNNING after 4s (cancelled)\n");
        String[] lines = out.split("\n");
        assertThat(lines[lines.length - 1]).isEqualTo("accepted=5/6 runs_completed=2/4");

        assertThat(new NoetlClient(api).await(slowExecution(api), Set.of("CANCELLED", "FAILED", "COMPLETED"),
                Duration.ofSeconds(10)).path("status").asText())
                .as("a run past its timeout is cancelled").isEqualTo("CANCELLED");
    }

    private void write(String relative, String body) throws IOException {
        Path file = folder.resolve(relative);
        Files.createDirectories(file.getParent());
        Files.writeString(file, HEADER + body);
    }

    private static String line(String out, String prefix) {
        List<String> matching = Arrays.stream(out.split("\n")).filter(l -> l.strip().startsWith(prefix)).toList();
        assertThat(matching).as("a line starting with '%s' in:%n%s", prefix, out).hasSize(1);
        return matching.get(0);
    }

    /** The execution of compat/slow, from the server's list. */
    private static String slowExecution(String api) throws Exception {
        HttpResponse<byte[]> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(api + "/api/executions?playbook=compat/slow")).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        JsonNode items = Json.tree(response.body()).path("items");
        assertThat(items).hasSize(1);
        return items.get(0).path("execution_id").asText();
    }
}
