package io.noetl.server.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.noetl.testkit.NatsTestServer;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class PlaybookCatalogIT {

    private static TestServer server;

    @BeforeAll
    static void start() {
        server = TestServer.start(NatsTestServer.shared().url(), TestServer.uniqueNames("catalog"));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void registersAPlaybookAsVersionOneAndDescribesItsSteps() {
        Http.Response r = server.http.postYaml("/api/playbooks", Playbooks.linear("catalog/first", 2));

        assertThat(r.status()).isEqualTo(201);
        assertThat(r.body().path("path").asText()).isEqualTo("catalog/first");
        assertThat(r.body().path("version").asInt()).isEqualTo(1);
        assertThat(r.body().path("name").asText()).isEqualTo("linear");
        assertThat(names(r.body().path("steps"))).containsExactly("start", "s1", "s2");
    }

    @Test
    void registeringTheSamePathAgainIncrementsTheVersionAndLatestIsServedByDefault() {
        String path = "catalog/versions";
        assertThat(server.http.postYaml("/api/playbooks", Playbooks.linear(path, 1)).body().path("version").asInt()).isEqualTo(1);
        assertThat(server.http.postYaml("/api/playbooks", Playbooks.linear(path, 2)).body().path("version").asInt()).isEqualTo(2);
        assertThat(server.http.postYaml("/api/playbooks", Playbooks.linear(path, 3)).body().path("version").asInt()).isEqualTo(3);

        Http.Response latest = server.http.get("/api/playbooks/" + path);
        assertThat(latest.status()).isEqualTo(200);
        assertThat(latest.body().path("version").asInt()).isEqualTo(3);
        assertThat(names(latest.body().path("steps"))).hasSize(4);

        Http.Response first = server.http.get("/api/playbooks/" + path + "?version=1");
        assertThat(first.body().path("version").asInt()).isEqualTo(1);
        assertThat(first.body().path("source").asText()).contains("step: s1");
    }

    @Test
    void concurrentRegistrationsOfOnePathGetDistinctVersions() throws Exception {
        String path = "catalog/concurrent";
        List<Thread> threads = new ArrayList<>();
        List<Integer> versions = java.util.Collections.synchronizedList(new ArrayList<>());
        for (int i = 0; i < 8; i++) {
            threads.add(Thread.ofVirtual().start(() -> versions.add(
                    server.http.postYaml("/api/playbooks", Playbooks.linear(path, 1)).body().path("version").asInt())));
        }
        for (Thread t : threads) {
            t.join();
        }
        assertThat(versions).containsExactlyInAnyOrder(1, 2, 3, 4, 5, 6, 7, 8);
    }

    @Test
    void pathsWithSlashesAreServedAndListed() {
        server.http.postYaml("/api/playbooks", Playbooks.linear("data/ingestion/daily_load", 1));
        server.http.postYaml("/api/playbooks", Playbooks.linear("data/ingestion/daily_load", 1));

        Http.Response one = server.http.get("/api/playbooks/data/ingestion/daily_load?version=2");
        assertThat(one.status()).isEqualTo(200);
        assertThat(one.body().path("path").asText()).isEqualTo("data/ingestion/daily_load");
        assertThat(one.body().path("version").asInt()).isEqualTo(2);

        Http.Response list = server.http.get("/api/playbooks");
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.body().has("next")).isTrue();
        assertThat(list.body().path("next").isNull()).isTrue();
        JsonNode item = null;
        for (JsonNode i : list.body().path("items")) {
            if (i.path("path").asText().equals("data/ingestion/daily_load")) {
                item = i;
            }
        }
        assertThat(item).isNotNull();
        assertThat(item.path("version").asInt()).isEqualTo(2);
    }

    @Test
    void invalidPlaybookIsRejectedWith400ListingEveryProblemWithItsLine() {
        String yaml = Playbooks.header("broken", "catalog/broken") + """
                workflow:
                  - step: start
                    next:
                      - step: nowhere
                  - step: run
                    tool:
                      kind: teleport
                """;

        Http.Response r = server.http.postYaml("/api/playbooks", yaml);

        assertThat(r.status()).isEqualTo(400);
        JsonNode error = r.body().path("error");
        assertThat(error.path("code").asText()).isEqualTo("invalid_playbook");
        assertThat(error.path("message").asText()).isNotBlank();
        JsonNode details = error.path("details");
        assertThat(details.size()).isGreaterThanOrEqualTo(2);
        for (JsonNode d : details) {
            assertThat(d.path("path").asText()).isNotBlank();
            assertThat(d.path("line").asInt()).isPositive();
            assertThat(d.path("message").asText()).isNotBlank();
        }
        assertThat(server.http.get("/api/playbooks/catalog/broken").status()).isEqualTo(404);
    }

    @Test
    void registrationAnswersWithAWarningForEachUnknownKeyAndKindNotRunHere() {
        String yaml = Playbooks.header("warned", "catalog/warned") + """
                workflow:
                  - step: start
                    colour: blue
                    tool: {kind: snowflake, command: "select 1"}
                """;

        Http.Response r = server.http.postYaml("/api/playbooks", yaml);

        assertThat(r.status()).isEqualTo(201);
        JsonNode warnings = r.body().path("warnings");
        assertThat(warnings.size()).isEqualTo(2);
        assertThat(warnings.get(0).path("path").asText()).isEqualTo("workflow[0].colour");
        assertThat(warnings.get(0).path("line").asInt()).isPositive();
        assertThat(warnings.get(0).path("message").asText()).contains("unknown key 'colour'");
        assertThat(warnings.get(1).path("path").asText()).isEqualTo("workflow[0].tool.kind");
        assertThat(warnings.get(1).path("message").asText()).contains("'snowflake' is not supported here");
        assertThat(server.http.postYaml("/api/playbooks", Playbooks.linear("catalog/clean", 1)).body()
                .path("warnings").size()).isZero();
    }

    @Test
    void yamlThatIsNotAPlaybookIsRejectedWith400() {
        Http.Response r = server.http.postYaml("/api/playbooks", "just: [unbalanced");
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.body().path("error").path("code").asText()).isEqualTo("invalid_playbook");
    }

    @Test
    void unknownPathOrVersionIs404WithTheErrorBody() {
        Http.Response unknown = server.http.get("/api/playbooks/no/such/playbook");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.body().path("error").path("code").asText()).isEqualTo("not_found");
        assertThat(unknown.body().path("error").path("details").isArray()).isTrue();

        server.http.postYaml("/api/playbooks", Playbooks.linear("catalog/one_version", 1));
        assertThat(server.http.get("/api/playbooks/catalog/one_version?version=7").status()).isEqualTo(404);
        assertThat(server.http.get("/api/playbooks/catalog/one_version?version=abc").status()).isEqualTo(400);
    }

    @Test
    void servedSourceHidesLiteralKeychainValues() {
        String yaml = """
                apiVersion: noetl.io/v2
                kind: Playbook
                metadata:
                  name: with_secret
                  path: secrets/inline
                keychain:
                  - name: token
                    kind: secret
                    value: s3cr3t-token-value
                  - name: pg
                    kind: postgres
                    value: {host: db.internal, user: app, password: pg-pass-9}
                  - name: amadeus
                    kind: static
                    map: {client_id: "{{ workload.client_id }}", client_secret: st4tic-secret}
                  - name: openai
                    kind: bearer
                    token: b3arer-literal
                workflow:
                  - step: start
                    tool: {kind: noop}
                """;
        assertThat(server.http.postYaml("/api/playbooks", yaml).status()).isEqualTo(201);

        String source = server.http.get("/api/playbooks/secrets/inline").body().path("source").asText();

        assertThat(source).doesNotContain("s3cr3t-token-value").doesNotContain("pg-pass-9")
                .doesNotContain("st4tic-secret").doesNotContain("b3arer-literal")
                .contains("name: token").contains("password: ***").contains("{{ workload.client_id }}");
    }

    @Test
    void unknownRouteAnswersWithTheJsonErrorBody() {
        Http.Response r = server.http.get("/api/nothing/here");
        assertThat(r.status()).isEqualTo(404);
        assertThat(r.body().path("error").path("code").asText()).isEqualTo("not_found");
    }

    @Test
    void healthIsOkWhileNatsIsConnected() {
        Http.Response r = server.http.get("/health");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.body().path("status").asText()).isEqualTo("ok");
    }

    private static List<String> names(JsonNode steps) {
        List<String> out = new ArrayList<>();
        steps.forEach(s -> out.add(s.path("name").asText()));
        return out;
    }
}
