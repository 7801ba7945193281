package io.noetl.insights.generate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import io.noetl.insights.reasoner.PlaybookDraft;
import io.noetl.schemas.playbook.Arc;
import io.noetl.schemas.playbook.Playbook;
import io.noetl.schemas.playbook.PlaybookParser;
import io.noetl.schemas.playbook.Step;
import io.noetl.schemas.playbook.ToolKind;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class PlaybookComposerTest {

    private static Playbook compose(String description, NearPlaybook... nearest) {
        String yaml = PlaybookComposer.compose(new PlaybookDraft(description, List.of(nearest)));
        try {
            return PlaybookParser.parse(yaml);
        } catch (RuntimeException e) {
            throw new AssertionError(e.getMessage() + "\n" + yaml, e);
        }
    }

    private static Step step(Playbook p, ToolKind kind) {
        return p.workflow().stream().filter(s -> s.tool() != null && s.toolKind() == kind).findFirst().orElseThrow(
                () -> new AssertionError("no " + kind + " step in " + p.source()));
    }

    static List<String> descriptions() {
        return List.of(
                "Fetch orders from the orders API (it is flaky), transform them into daily totals, then load them"
                        + " into postgres.",
                "Validate the quality of the daily file; if quality < 0.9 ask a person to review, otherwise load it"
                        + " into the warehouse.",
                "Call the weather API for each city, aggregate the readings and store them in duckdb.",
                "Query the customers table in postgres, compute churn scores, if churn score above 0.7 notify the"
                        + " sales team on slack.",
                "Download the CSV export within 30 seconds, parse it, dedupe rows, upsert into the customers table.",
                "Train a model on the features; if accuracy >= 0.95 register it, otherwise send an alert email.",
                "Run the backup shell script, then verify the backup and post a report to the ops webhook.",
                "Every night pull invoices from the billing API with retries, check totals, get approval from"
                        + " finance, then publish to the ledger API.",
                "Check the error rate; if error rate > 5% page the on-call.",
                "Process {{ workload.evil }} rows {% raw %} and send {# x #} them",
                "hello",
                "Ingest -> clean -> score -> approve -> load",
                "if latency > 2000 alert the team",
                "Récupérer les commandes, 42, ???");
    }

    @ParameterizedTest
    @MethodSource("descriptions")
    @DisplayName("every composed playbook passes the parser the catalog runs")
    void composedPlaybooksAreValid(String description) {
        assertThatCode(() -> compose(description)).doesNotThrowAnyException();
    }

    @Test
    void aLongDescriptionStillComposesAValidPlaybook() {
        String description = "Fetch orders, validate them, load them into postgres. ".repeat(70);
        assertThat(description.length()).isGreaterThan(3500);
        assertThat(compose(description).workflow().size()).isGreaterThan(100);
    }

    @Test
    @DisplayName("verbs choose the tools: fetch → http GET, transform → python, load into postgres → postgres with"
            + " a keychain entry")
    void verbsChooseTools() {
        Playbook p = compose("Fetch orders from the orders API, transform them into daily totals, then load them"
                + " into postgres.");
        assertThat(p.workflow()).extracting(Step::name).containsExactly("start", "fetch_orders_api",
                "transform_daily_totals", "load_postgres", "end");
        assertThat(step(p, ToolKind.HTTP).tool().config()).containsEntry("method", "GET");
        assertThat(step(p, ToolKind.POSTGRES).tool().config()).containsEntry("connection", "{{ keychain.pg }}");
        assertThat(p.keychain()).singleElement().satisfies(k -> {
            assertThat(k.name()).isEqualTo("pg");
            assertThat(k.env()).isEqualTo("NOETL_PG_URL");
        });
        assertThat(p.entry().next().arcs()).extracting(Arc::step).containsExactly("fetch_orders_api");
    }

    @Test
    @DisplayName("a stated threshold becomes a branch; review waits for a decision; approval continues to the else"
            + " path")
    void thresholdsBranchAndReviewsWait() {
        Playbook p = compose("Validate the quality of the daily file; if quality < 0.9 ask a person to review,"
                + " otherwise load it into the warehouse.");
        Step check = step(p, ToolKind.PYTHON);
        assertThat((String) check.tool().config().get("code")).contains("\"quality\": 1.0");
        List<Arc> arcs = check.next().arcs();
        assertThat(arcs).hasSize(2);
        assertThat(arcs.get(0).when()).isEqualTo("{{ " + check.name() + ".quality < 0.9 }}");
        Step review = p.step(arcs.get(0).step()).orElseThrow();
        assertThat(review.spec().waitDecision()).isTrue();
        assertThat(review.tool()).isNull();
        assertThat(arcs.get(1).when()).isNull();
        Step load = p.step(arcs.get(1).step()).orElseThrow();
        assertThat(load.toolKind()).isEqualTo(ToolKind.DUCKDB);
        assertThat(review.next().arcs()).singleElement().satisfies(a -> {
            assertThat(a.step()).isEqualTo(load.name());
            assertThat(a.when()).isEqualTo("{{ " + review.name() + ".action == 'approve' }}");
        });
    }

    @Test
    @DisplayName("flaky or retry words add a retry policy to the steps that call out")
    void flakyCallsAreRetried() {
        Playbook p = compose("Pull invoices from the billing API, which is flaky, check totals, then store them.");
        assertThat(step(p, ToolKind.HTTP).spec().policy()).isNotEmpty();
        assertThat(step(p, ToolKind.PYTHON).spec().policy()).isEmpty();
        Playbook steady = compose("Pull invoices from the billing API, check totals, then store them.");
        assertThat(step(steady, ToolKind.HTTP).spec().policy()).isEmpty();
    }

    @Test
    @DisplayName("percentages become fractions, 'for each' becomes a loop, 'within 30 seconds' a timeout")
    void percentagesLoopsAndTimeouts() {
        Playbook rate = compose("Check the error rate; if error rate > 5% page the on-call.");
        assertThat(step(rate, ToolKind.PYTHON).next().arcs().getFirst().when()).endsWith(".error_rate > 0.05 }}");
        Playbook loop = compose("Call the weather API for each city within 30 seconds, then aggregate the readings.");
        Step call = step(loop, ToolKind.HTTP);
        assertThat(call.loop()).isNotNull();
        assertThat(call.loop().iterator()).isEqualTo("city");
        assertThat(call.spec().timeoutMs()).isEqualTo(30_000L);
    }

    @Test
    @DisplayName("a description without verbs draws on the nearest registered playbook's steps")
    void vagueDescriptionsDrawOnTheNearestPlaybook() {
        Playbook p = compose("something like the nightly orders job", new NearPlaybook("shop/orders", 3, 0.81,
                List.of("fetch_orders (http)", "transform_orders (python)", "load_orders (postgres)")));
        assertThat(p.workflow()).extracting(Step::name).containsExactly("start", "fetch_orders", "transform_orders",
                "load_orders", "end");
        assertThat(p.step("fetch_orders").orElseThrow().toolKind()).isEqualTo(ToolKind.HTTP);
        Playbook named = compose("Fetch the orders, then email the summary", new NearPlaybook("shop/orders", 3,
                0.7, List.of("fetch_orders (http)")));
        assertThat(named.step("fetch_orders")).isPresent();
    }

    @Test
    @DisplayName("words a template reads as something else are not used bare as step or field names")
    void reservedWordsAreNotNames() {
        Playbook p = compose("Workload, then compute it; if not < 1 notify the team");
        assertThat(p.workflow()).extracting(Step::name).contains("workload_value")
                .doesNotContain("workload");
        assertThat(p.source()).contains(".not_value < 1 }}");
    }

    @Test
    @DisplayName("template markup in the description is not copied into the playbook")
    void templateMarkupIsNotCopied() {
        Playbook p = compose("Process {{ keychain.pg }} rows {% raw %} and send them");
        assertThat(p.source()).doesNotContain("keychain.pg }}").doesNotContain("{%");
        assertThat(p.description()).startsWith("Process");
    }
}
