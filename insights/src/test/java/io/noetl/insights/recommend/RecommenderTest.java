package io.noetl.insights.recommend;

import static org.assertj.core.api.Assertions.assertThat;

import io.noetl.insights.Runs;
import io.noetl.insights.diagnosis.ErrorClasses;
import io.noetl.insights.diagnosis.Finding;
import io.noetl.insights.diagnosis.RootCauseFinder;
import io.noetl.schemas.error.ErrorClassifier;
import io.noetl.schemas.event.ErrorInfo;
import io.noetl.schemas.playbook.PlaybookParser;
import io.noetl.schemas.playbook.Step;
import io.noetl.stores.analytics.ClassRecovery;
import io.noetl.stores.analytics.StepQuantiles;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RecommenderTest {

    private static final ErrorInfo HTTP_503 = ErrorInfo.retriable("HttpError", "HTTP 503 from https://api/x");

    private final Recommender recommender = new Recommender();

    private static Finding finding(Runs run) {
        return new RootCauseFinder(Runs.source(List.of(run), Map.of()), new ErrorClasses(ErrorClassifier.standard()))
                .find(run.view());
    }

    @Test
    void aPassingDependencyErrorGetsARetryRuleSizedByHowRunsRecovered() {
        Finding f = finding(new Runs("p").attempts("fetch", "http", false, HTTP_503).failedByLastStep());
        StepHistory history = new StepHistory(List.of(new ClassRecovery("dependency_5xx", 20, 15, 2, 4)), null);
        List<Recommendation> r = recommender.recommend(f, Optional.empty(), history);
        assertThat(r).hasSize(1);
        assertThat(r.getFirst().why()).contains("15 of 20 runs");
        assertThat(r.getFirst().patch()).contains("attempts: 4").contains("'dependency_5xx', 'rate_limited'");
    }

    @Test
    void aClassThatNeverRecoveredIsNotRetried() {
        Finding f = finding(new Runs("p").attempts("fetch", "http", false, HTTP_503).failedByLastStep());
        StepHistory history = new StepHistory(List.of(new ClassRecovery("dependency_5xx", 9, 0, 0, 0)), null);
        Recommendation r = recommender.recommend(f, Optional.empty(), history).getFirst();
        assertThat(r.action()).startsWith("Stop retrying");
        assertThat(r.patch()).contains("do: fail");
    }

    @Test
    void authIsFailFastWithoutRetry() {
        Finding f = finding(new Runs("p").attempts("fetch", "http", false,
                ErrorInfo.fatal("HttpError", "HTTP 401 from https://api/x: invalid token")).failedByLastStep());
        Recommendation r = recommender.recommend(f, Optional.empty(), StepHistory.NONE).getFirst();
        assertThat(r.action()).contains("credentials");
        assertThat(r.patch()).contains("outcome.error.class == 'auth'").contains("do: fail");
    }

    @Test
    void aTimeoutGetsALimitFromTheDurationsItNeeds() {
        Finding f = finding(new Runs("p").attempts("slow", "http", false,
                ErrorInfo.retriable("Timeout", "step timed out after 2s")).failedByLastStep());
        Step step = PlaybookParser.parse("""
                apiVersion: noetl.io/v2
                kind: Playbook
                metadata: {name: p, path: p}
                workflow:
                  - step: start
                    next: [{step: slow}]
                  - step: slow
                    tool: {kind: http, url: "https://api/x"}
                    spec: {timeout: 2s}
                """).step("slow").orElseThrow();
        StepHistory history = new StepHistory(List.of(), new StepQuantiles("slow", 200, 12, 900, 1_800, 2_600,
                4_000));
        Recommendation r = recommender.recommend(f, Optional.of(step), history).getFirst();
        assertThat(r.action()).contains("Raise the time limit");
        assertThat(r.patch()).contains("timeout: 4s");
        assertThat(r.why()).contains("p99").contains("2000 ms");
    }

    @Test
    void aCancelOrACleanRunNeedsNoChange() {
        assertThat(recommender.recommend(finding(new Runs("p").cancelledDuring("load", "python")), Optional.empty(),
                StepHistory.NONE)).isEmpty();
        assertThat(recommender.recommend(finding(new Runs("p").ok("load", "python").completed()), Optional.empty(),
                StepHistory.NONE)).isEmpty();
    }

    @Test
    void aStepThatAlreadyRetriedEveryAttemptPointsAtTheDependencyFirst() {
        ErrorInfo down = ErrorInfo.retriable("HttpError",
                "HTTP 503 from GET https://ledger.internal:8443/entries?day=today; body: {\"error\":\"replica down\"}");
        Finding f = finding(new Runs("p").attempts("fetch", "http", false, down, down, down).failedByLastStep());
        Step step = PlaybookParser.parse("""
                apiVersion: noetl.io/v2
                kind: Playbook
                metadata: {name: p, path: p}
                workflow:
                  - step: start
                    next: [{step: fetch}]
                  - step: fetch
                    tool: {kind: http, url: "https://ledger.internal:8443/entries"}
                    spec:
                      policy:
                        rules:
                          - when: "{{ outcome.error.class in ['dependency_5xx'] }}"
                            then: {do: retry, attempts: 3}
                """).step("fetch").orElseThrow();
        List<Recommendation> r = recommender.recommend(f, Optional.of(step), StepHistory.NONE);
        assertThat(r.getFirst().action()).startsWith("Check ledger.internal:8443 (/entries)")
                .contains("all 3 attempts");
        assertThat(r.getFirst().patch()).contains("delay: 5").contains("attempts: 5");
    }
}
