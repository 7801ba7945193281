package io.noetl.app.compat;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Reasons are counted per playbook, with the words that vary from one playbook to the next taken out. */
class ReasonsTest {

    @Test
    void problemsLoseTheirLocationAndStepNames() {
        assertThat(Reasons.problem("workflow[3].next[0].step (line 14): step 'cleanup' is unreachable from the entry"
                + " step 'start'")).isEqualTo("step '…' is unreachable from the entry step '…'");
        assertThat(Reasons.problem("workflow[0].tool: missing 'command': a shell tool runs 'command'"))
                .isEqualTo("missing 'command': a shell tool runs 'command'");
        assertThat(Reasons.problem("bad template syntax: unbalanced braces: 2 '{{' but 3 '}}'"))
                .isEqualTo("bad template syntax: unbalanced braces: N '{{' but M '}}'");
    }

    @Test
    void failuresLoseTheStepQuotedNamesAndIds() {
        assertThat(Reasons.failure("FAILED", "step test_step failed: TemplateError: template '{{ message }}' failed:"
                + " Unknown token found: message"))
                .isEqualTo("FAILED: TemplateError: template '…' failed: Unknown token found: …");
        assertThat(Reasons.failure("FAILED", "step start failed: PythonError: NameError: name 'random' is not"
                + " defined")).isEqualTo("FAILED: PythonError: NameError: name '…' is not defined");
        assertThat(Reasons.failure("FAILED", "step s failed: TemplateError: template '{{ url }}/x' failed:"
                + " UnknownTokenException: Unknown token found: url"))
                .isEqualTo("FAILED: TemplateError: template '…' failed: Unknown token found: …");
        assertThat(Reasons.failure("TIMEOUT", null)).isEqualTo("TIMEOUT");
    }

    @Test
    void eachPlaybookCountsOncePerReasonMostFrequentFirst() {
        Reasons reasons = new Reasons();
        reasons.add("a.yaml", List.of("x", "y"));
        reasons.add("b.yaml", List.of("y"));
        reasons.add("b.yaml", List.of("y"));
        assertThat(reasons.counted()).containsExactly(Map.entry("y", 2), Map.entry("x", 1));
    }
}
