package io.noetl.app.compat;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/** Which playbooks need nothing outside this machine, read from their YAML. */
class SelfContainmentTest {

    @Test
    void pythonDuckdbNoopAndLocalShellAreSelfContained() {
        assertThat(needs(playbook("p", """
                workflow:
                  - step: start
                    tool: {kind: python, code: "import json\\nresult = {'a': 1}"}
                  - step: sql
                    tool: {kind: duckdb, query: "CREATE TABLE t AS SELECT 1 AS x; SELECT * FROM t"}
                  - step: files
                    tool:
                      kind: shell
                      cmds:
                        - |
                          mkdir -p /tmp/x && echo "docker is not run here" | tee /tmp/x/out.txt
                  - step: end
                    tool: noop
                """))).isEmpty();
    }

    @Test
    @DisplayName("a list of named tasks is self-contained only when every task is")
    void taskListNamesTheTaskThatLeavesTheMachine() {
        assertThat(needs(playbook("p", """
                workflow:
                  - step: start
                    tool:
                      - name: compute
                        kind: python
                        code: "result = 1"
                      - name: save
                        kind: postgres
                        auth: pg_local
                        query: INSERT INTO t VALUES (1)
                """))).extracting(Dependency::reason, Dependency::detail)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("tool kind postgres",
                        "step start task save: tool kind postgres"));
    }

    @Test
    @DisplayName("http is self-contained when its URL, rendered with the workload, names this machine")
    void httpToLocalhostOnly() {
        String yaml = """
                workload:
                  local: http://127.0.0.1:9090
                  api: https://api.github.com
                workflow:
                  - step: a
                    tool: {kind: http, url: "{{ workload.local }}/orders"}
                  - step: b
                    tool: {kind: http, url: "{{ api }}/repos"}
                  - step: c
                    tool: {kind: http, url: "{{ a.next_url }}"}
                  - step: d
                    tool: {kind: http, url: "http://nowhere.invalid:1/x"}
                  - step: e
                    tool: {kind: http, spec: {method: GET, endpoint: "{{ api }}/data"}}
                """;
        assertThat(needs(playbook("p", yaml))).extracting(Dependency::detail)
                .containsExactly("step b: http to api.github.com", "step c: http to {{ a.next_url }}",
                        "step e: http to api.github.com");
        assertThat(needs(playbook("p", yaml))).extracting(Dependency::reason)
                .containsExactly("http to a remote host", "http to a host known only at run time",
                        "http to a remote host");
    }

    @Test
    void shellWithClusterToolsNamesTheTool() {
        assertThat(needs(playbook("p", """
                workflow:
                  - step: deploy
                    tool:
                      kind: shell
                      cmds:
                        - echo start
                        - if [ -n "$X" ]; then kubectl apply -f x.yaml; fi
                        - KUBECONFIG=/k /usr/bin/helm upgrade x
                """))).extracting(Dependency::reason).containsExactly("shell runs kubectl", "shell runs helm");
    }

    @Test
    void pythonNetworkClientsAndNoetlRuntimeAreOutside() {
        assertThat(needs(playbook("p", """
                workflow:
                  - step: a
                    tool: {kind: python, code: "from urllib.parse import urlencode\\nresult = urlencode({})"}
                  - step: b
                    tool: {kind: python, code: "r = httpx.get('https://x.org')"}
                  - step: c
                    tool: {kind: python, code: "from noetl.worker.secrets import fetch_credential_by_key"}
                  - step: d
                    tool:
                      kind: python
                      libs: {storage: {from: google.cloud, import: storage}}
                      code: "result = 1"
                """))).extracting(Dependency::reason).containsExactly("python network client httpx",
                "python imports NoETL's worker runtime (noetl.*)", "python network client google.cloud");
    }

    @Test
    void duckdbOnRemoteStorageIsOutside() {
        assertThat(needs(playbook("p", """
                workflow:
                  - step: a
                    tool:
                      kind: duckdb
                      commands: |
                        INSTALL httpfs; LOAD httpfs;
                        COPY t TO 'gs://{{ bucket }}/t.csv';
                """))).extracting(Dependency::reason)
                .containsExactly("duckdb reads or writes remote storage", "duckdb extension httpfs");
    }

    @Test
    void keychainFromSecretManagersAndStoredCredentialsIsOutside() {
        assertThat(needs(playbook("p", """
                keychain:
                  - {name: token, kind: secrets, provider: gcp}
                  - {name: local, kind: static, map: {a: b}}
                  - {name: api_key, kind: secret, env: API_KEY}
                workflow:
                  - step: a
                    tool: {kind: python, auth: "{{ pg_auth }}", code: "result = 1"}
                """))).extracting(Dependency::reason)
                .containsExactly("keychain secrets", "credential from NoETL's credential store");
    }

    @Test
    @DisplayName("sub-playbooks and workbook tasks are followed, and what they need is named through them")
    void subPlaybooksAndWorkbookTasksAreFollowed() {
        PlaybookFile child = playbook("lib/child", """
                workflow:
                  - step: start
                    tool: {kind: snowflake, query: SELECT 1}
                """);
        PlaybookFile localChild = playbook("lib/local", """
                workflow:
                  - step: start
                    tool: {kind: python, code: "result = 1"}
                """);
        PlaybookFile parent = playbook("app/parent", """
                workload:
                  which: lib/local
                workbook:
                  - name: compute
                    tool: {kind: python, code: "result = 2"}
                workflow:
                  - step: a
                    tool: {kind: playbook, path: "/{{ which }}"}
                  - step: b
                    tool: {kind: workbook, name: compute}
                  - step: c
                    tool: {kind: playbook, path: lib/child}
                  - step: d
                    tool: {kind: playbook, path: lib/elsewhere}
                """);
        SelfContainment containment = new SelfContainment(Map.of("lib/child", child, "lib/local", localChild));
        assertThat(containment.needs(parent)).extracting(Dependency::detail).containsExactly(
                "step c → lib/child step start: tool kind snowflake", "step d: starts lib/elsewhere");
        assertThat(containment.needs(parent)).extracting(Dependency::reason)
                .containsExactly("tool kind snowflake", "sub-playbook not among the given folders");
    }

    @Test
    void loopCursorOnPostgresIsOutside() {
        assertThat(needs(playbook("p", """
                workflow:
                  - step: a
                    loop:
                      cursor: {kind: postgres, auth: pg, claim: SELECT 1}
                    tool: {kind: python, code: "result = 1"}
                """))).extracting(Dependency::detail).containsExactly("step a loop cursor: tool kind postgres");
    }

    private static List<Dependency> needs(PlaybookFile playbook) {
        return new SelfContainment(Map.of()).needs(playbook);
    }

    /** A playbook file (never written to disk) with {@code metadata.path} and the given body. */
    static PlaybookFile playbook(String path, String body) {
        String yaml = "apiVersion: noetl.io/v2\nkind: Playbook\nmetadata:\n  name: x\n  path: " + path + "\n" + body;
        Map<String, Object> tree = new Yaml(new SafeConstructor(new LoaderOptions())).load(yaml);
        return new PlaybookFile(Path.of(path + ".yaml"), yaml, tree);
    }
}
