package io.noetl.insights.ask;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class IntentTest {

    @ParameterizedTest(name = "\"{0}\" asks {1}")
    @CsvSource(delimiter = '|', value = {
        "Why did the nightly load fail?|WHY_FAILED",
        "What broke in execution 01J?|WHY_FAILED",
        "What fixed this last time?|WHAT_FIXED",
        "How do I resolve the 503s from the orders API?|WHAT_FIXED",
        "Which step is the bottleneck?|SLOW_STEP",
        "Why is transform so slow?|SLOW_STEP",
        "How often does fetch_orders fail?|FAILURE_RATE",
        "What is the error rate of the load step?|FAILURE_RATE",
        "What changed since yesterday?|WHAT_CHANGED",
        "Why did it start failing?|WHAT_CHANGED",
        "Tell me about the orders playbook|GENERAL"
    })
    void readsWhatAQuestionAsksFor(String question, Intent intent) {
        assertThat(Intent.of(question)).isEqualTo(intent);
    }
}
