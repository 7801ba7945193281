package io.noetl.app.demo;

import static org.assertj.core.api.Assertions.assertThat;

import io.noetl.schemas.stream.Alert;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class AlertLineTest {

    private static final Instant T = Instant.parse("2025-01-01T12:00:00Z");

    private static Alert alert(String type, String severity, String key, double observed, double expected,
            double score, List<String> ids, String templateId) {
        int slash = key.lastIndexOf('/');
        return new Alert("01JALERT", type, severity, key, slash < 0 ? null : key.substring(0, slash),
                slash < 0 ? null : key.substring(slash + 1), T, T, observed, expected, score, "the message", ids,
                templateId, T);
    }

    @Test
    @DisplayName("a latency spike reads as severity, type, step key, observed vs expected ms, score and executions")
    void latencySpike() {
        Alert a = alert(Alert.LATENCY_SPIKE, Alert.WARNING, "demo/slow_api/call_api", 812.4, 41.2, 0.9912,
                List.of("01JA", "01JB"), null);
        assertThat(AlertLine.format(a)).isEqualTo("[ALERT warning] latency_spike demo/slow_api/call_api: "
                + "observed 812 ms vs expected 41 ms (score 0.99) executions 01JA, 01JB");
    }

    @Test
    @DisplayName("beyond three executions the rest are counted, one execution is named in the singular")
    void executionsAreBounded() {
        Alert many = alert(Alert.LATENCY_SPIKE, Alert.CRITICAL, "p/s", 900, 10, 1.0,
                List.of("e1", "e2", "e3", "e4", "e5"), null);
        assertThat(AlertLine.format(many)).startsWith("[ALERT critical] ")
                .endsWith("(score 1.00) executions e1, e2, e3 (+2 more)");
        Alert one = alert(Alert.LATENCY_SPIKE, Alert.WARNING, "p/s", 900, 10, 1.0, List.of("e1"), null);
        assertThat(AlertLine.format(one)).endsWith(" execution e1");
        Alert none = alert(Alert.LATENCY_SPIKE, Alert.WARNING, "p/s", 900, 10, 1.0, null, null);
        assertThat(AlertLine.format(none)).endsWith("(score 1.00)");
    }

    @Test
    @DisplayName("error rates read as percentages with the dominant template, new templates name the template")
    void errorRateAndNewTemplate() {
        Alert rate = alert(Alert.ERROR_RATE_SPIKE, Alert.CRITICAL, "p/fetch", 0.6, 0.02, 0.999, List.of("e1"),
                "t-5f3a");
        assertThat(AlertLine.format(rate)).isEqualTo("[ALERT critical] error_rate_spike p/fetch: error rate 60% "
                + "vs expected 2.0%, mostly template t-5f3a (score 1.00) execution e1");
        Alert template = alert(Alert.NEW_ERROR_TEMPLATE, Alert.INFO, "p/fetch", 1, 0, 0.95, List.of("e2"),
                "t-77");
        assertThat(AlertLine.format(template))
                .isEqualTo("[ALERT info] new_error_template p/fetch: new error template t-77 (score 0.95) execution e2");
    }

    @Test
    @DisplayName("throughput drops and stuck executions say what was counted, in their own units")
    void throughputAndStuck() {
        Alert drop = alert(Alert.THROUGHPUT_DROP, Alert.WARNING, "p/load", 2, 120, 0.99, List.of(), null);
        assertThat(AlertLine.format(drop)).isEqualTo("[ALERT warning] throughput_drop p/load: "
                + "2 attempts in the last interval vs 120.0 expected (score 0.99)");
        Alert stuck = new Alert("01JS", Alert.STUCK_EXECUTION, Alert.WARNING, "01JEXEC", "p", "train", T, T,
                612_000, 600_000, 1.0, "stuck", List.of("01JEXEC"), null, T);
        assertThat(AlertLine.format(stuck)).isEqualTo("[ALERT warning] stuck_execution 01JEXEC: no event for 612 s "
                + "(stuck after 600 s) in p, last step train (score 1.00) execution 01JEXEC");
    }

    @Test
    @DisplayName("an unknown type shows its message; missing fields show as '?' rather than failing")
    void unknownTypeAndMissingFields() {
        Alert odd = alert("queue_growth", Alert.WARNING, "p/s", 3, 1, 0.5, List.of(), null);
        assertThat(AlertLine.format(odd)).isEqualTo("[ALERT warning] queue_growth p/s: the message (score 0.50)");
        Alert bare = new Alert(null, null, null, null, null, null, null, null, 0, 0, 0, null, null, null, null);
        assertThat(AlertLine.format(bare)).isEqualTo("[ALERT ?] ? ?: observed 0 vs expected 0 (score 0.00)");
    }
}
