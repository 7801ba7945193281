package io.noetl.app.compat;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The report lists every verdict with its reason, counts reasons, and ends with the summary line. */
class CompatReportTest {

    @Test
    void printsEveryVerdictTheCountsAndLastTheSummary() {
        PlaybookFile a = file("a.yaml");
        PlaybookFile b = file("b.yaml");
        PlaybookFile c = file("c.yaml");
        PlaybookFile d = file("d.yaml");
        PlaybookFile e = file("e.yaml");
        CompatReport report = new CompatReport(List.of(
                new Verdict.Rejected(a, "400 invalid_playbook: playbook has 1 problem(s)",
                        List.of("workflow[0].tool (line 3): missing 'code'"), true),
                new Verdict.Skipped(b, "lib/b", List.of(new Dependency("tool kind postgres",
                        "step s: tool kind postgres"))),
                new Verdict.Ran(c, "lib/c", 1, "COMPLETED", null, Duration.ofMillis(1500)),
                new Verdict.Ran(d, "lib/d", 2, "FAILED", "step x failed: PythonError: boom", Duration.ofSeconds(1)),
                new Verdict.Ran(e, "lib/e", 1, "TIMEOUT", "still RUNNING after 60s (cancelled)",
                        Duration.ofSeconds(60))));

        StringWriter text = new StringWriter();
        report.print(new PrintWriter(text));
        String out = text.toString();

        assertThat(out).contains("  REJECTED  a.yaml (self-contained): 400 invalid_playbook: playbook has 1 problem(s)\n"
                        + "              - workflow[0].tool (line 3): missing 'code'\n")
                .contains("1 of the rejected need nothing outside this machine")
                .contains("  SKIPPED   b.yaml (lib/b): step s: tool kind postgres\n")
                .contains("  COMPLETED c.yaml (lib/c v1, 1.5s)\n")
                .contains("  FAILED    d.yaml (lib/d v2, 1.0s): step x failed: PythonError: boom\n")
                .contains("  TIMEOUT   e.yaml (lib/e v1, 60.0s): still RUNNING after 60s (cancelled)\n")
                .contains("rejection reasons (playbooks per reason):\n     1  missing 'code'\n")
                .contains("run failures (playbooks per reason):\n     1  FAILED: PythonError: boom\n"
                        + "     1  TIMEOUT: still RUNNING after 60s (cancelled)\n")
                .contains("not self-contained (playbooks per reason):\n     1  tool kind postgres\n")
                .endsWith("\naccepted=4/5 runs_completed=1/3\n");
        assertThat(report.summary()).isEqualTo("accepted=4/5 runs_completed=1/3");
    }

    private static PlaybookFile file(String name) {
        return new PlaybookFile(Path.of(name), "", Map.of());
    }
}
