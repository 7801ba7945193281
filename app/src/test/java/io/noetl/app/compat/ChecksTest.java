package io.noetl.app.compat;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** The readers under the self-containment checks: shell command names, python modules, workload templates, hosts. */
class ChecksTest {

    @Test
    void shellCommandsAreTheFirstWordsOfEverySimpleCommand() {
        assertThat(ShellCheck.commands("""
                # kubectl in a comment is not run
                set -e; X=1 Y=2 sudo /usr/local/bin/gcloud auth list | grep x
                echo "$(docker ps)" && ls
                """)).containsExactly("set", "gcloud", "grep", "echo", "docker", "ls");
    }

    @Test
    void pythonModulesComeFromImportsAndFromCallsOnWellKnownClients() {
        assertThat(CodeCheck.modules("""
                import json, os.path
                from urllib import request
                mod = __import__("psycopg")
                resp = requests.post(url)
                """)).containsExactly("json", "os.path", "urllib", "urllib.request", "psycopg", "requests");
    }

    @Test
    void workloadTemplatesRenderWithBareAndQualifiedNamesAndDefaults() {
        WorkloadTemplate t = new WorkloadTemplate(Map.of("api", Map.of("base", "http://127.0.0.1:8080"),
                "path", "{{ workload.api.base }}/v1"));
        assertThat(t.render("{{ path }}/x")).isEqualTo("http://127.0.0.1:8080/v1/x");
        assertThat(t.render("{{ env.URL | default('https://example.org') }}")).isEqualTo("https://example.org");
        assertThat(t.render("{{ step.url }}")).isEqualTo("{{ step.url }}");
        assertThat(WorkloadTemplate.unresolved(t.render("{{ step.url }}"))).isTrue();
    }

    @Test
    void onlyLoopbackAndNeverResolvingHostsStayHere() {
        assertThat(Hosts.remote("http://localhost:1/a https://127.0.0.1 http://user@db.internal:5432 "
                + "http://x.invalid https://api.github.com/x")).containsExactly("db.internal", "api.github.com");
        assertThat(Hosts.hostOf("{{ base }}/x")).isNull();
    }
}
