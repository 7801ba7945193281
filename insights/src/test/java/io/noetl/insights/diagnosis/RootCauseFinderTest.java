package io.noetl.insights.diagnosis;

import static org.assertj.core.api.Assertions.assertThat;

import io.noetl.insights.Runs;
import io.noetl.schemas.error.ErrorClass;
import io.noetl.schemas.error.ErrorClassifier;
import io.noetl.schemas.event.ErrorInfo;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RootCauseFinderTest {

    private static final ErrorInfo HTTP_503 = ErrorInfo.retriable("HttpError",
            "HTTP 503 from https://orders.example.com/api/orders: Service Unavailable");
    private static final ErrorInfo READ_TIMEOUT = ErrorInfo.retriable("Timeout",
            "read timed out after 30000 ms calling https://orders.example.com/api/orders");

    private final List<Runs> runs = new ArrayList<>();

    private Finding find(Runs run) {
        runs.add(run);
        return new RootCauseFinder(Runs.source(runs, Map.of()), new ErrorClasses(ErrorClassifier.standard()))
                .find(run.view());
    }

    @Test
    void aFailedExecutionIsExplainedByTheLastAttemptOfTheStepThatFailedIt() {
        Runs run = new Runs("shop/orders").ok("extract", "python")
                .attempts("fetch", "http", false, HTTP_503, HTTP_503, HTTP_503).failedByLastStep();
        Finding f = find(run);
        assertThat(f.mode()).isEqualTo(Finding.Mode.FAILED);
        assertThat(f.step()).isEqualTo("fetch");
        assertThat(f.errorClass()).isEqualTo(ErrorClass.DEPENDENCY_5XX);
        assertThat(f.attempts()).hasSize(3);
        assertThat(f.cause()).isSameAs(f.attempts().getLast());
        assertThat(f.explicitCode()).isTrue();
    }

    @Test
    void anEarlierRetriedErrorDoesNotHideTheStepThatFailed() {
        Runs run = new Runs("shop/orders").attempts("fetch", "http", true, READ_TIMEOUT)
                .attempts("load", "postgres", false, ErrorInfo.fatal("SqlError",
                        "ERROR: permission denied for table orders (SQLSTATE 42501)"))
                .failedByLastStep();
        Finding f = find(run);
        assertThat(f.step()).isEqualTo("load");
        assertThat(f.errorClass()).isEqualTo(ErrorClass.PERMISSION);
    }

    @Test
    void aCompletedExecutionWithRetriedErrorsIsExplainedByTheirClass() {
        Runs run = new Runs("shop/orders").attempts("fetch", "http", true, READ_TIMEOUT, READ_TIMEOUT)
                .ok("load", "duckdb").completed();
        Finding f = find(run);
        assertThat(f.mode()).isEqualTo(Finding.Mode.RETRIED);
        assertThat(f.step()).isEqualTo("fetch");
        assertThat(f.errorClass()).isEqualTo(ErrorClass.TIMEOUT);
        assertThat(f.attempts()).hasSize(2);
    }

    @Test
    void aCleanRunHasNoRootCause() {
        Finding f = find(new Runs("shop/orders").ok("fetch", "http").completed());
        assertThat(f.mode()).isEqualTo(Finding.Mode.CLEAN);
        assertThat(f.errorClass()).isNull();
        assertThat(f.step()).isNull();
    }

    @Test
    void aPersonsRejectionIsDataQualityAtTheDecisionStep() {
        Runs run = new Runs("dq/gate").ok("check", "python").rejected("review", "ana", "null rate 12% on customer_id");
        Finding f = find(run);
        assertThat(f.mode()).isEqualTo(Finding.Mode.REJECTED);
        assertThat(f.step()).isEqualTo("review");
        assertThat(f.errorClass()).isEqualTo(ErrorClass.DATA_QUALITY);
        assertThat(f.error().message()).contains("ana").contains("null rate");
    }

    @Test
    void aCancelIsCancelledAtTheStepThatWasRunning() {
        Finding f = find(new Runs("etl/nightly").ok("extract", "python").cancelledDuring("load", "postgres"));
        assertThat(f.mode()).isEqualTo(Finding.Mode.CANCELLED);
        assertThat(f.errorClass()).isEqualTo(ErrorClass.CANCELLED);
        assertThat(f.step()).isEqualTo("load");
    }

    @Test
    void aStepFailingOutsideAnyAttemptIsClassifiedByItsOwnError() {
        Runs run = new Runs("etl/nightly").stepFails("render", "http",
                ErrorInfo.fatal("TemplateError", "undefined variable 'customer' in '{{ customer.id }}'"))
                .failedByLastStep();
        Finding f = find(run);
        assertThat(f.step()).isEqualTo("render");
        assertThat(f.errorClass()).isEqualTo(ErrorClass.BAD_REQUEST);
    }

    @Test
    void aFailedSubPlaybookKeepsTheParentsStepAndTakesTheChildsClass() {
        Runs child = new Runs("lib/enrich").attempts("lookup", "python", false,
                ErrorInfo.fatal("PythonError", "KeyError: 'customer_id'")).failedByLastStep();
        runs.add(child);
        Runs parent = new Runs("etl/main").stepFails("enrich", "playbook", ErrorInfo.fatal("PythonError",
                "sub-playbook execution " + child.id() + " failed: step lookup failed: KeyError: 'customer_id'"))
                .failedByLastStep();
        Finding f = find(parent);
        assertThat(f.step()).isEqualTo("enrich");
        assertThat(f.errorClass()).isEqualTo(ErrorClass.CODE_ERROR);
        assertThat(f.childPath()).containsExactly("lib/enrich/lookup");
    }

    @Test
    void aRunningExecutionIsDiagnosedAsFarAsItGot() {
        Runs run = new Runs("shop/orders").attempts("fetch", "http", true, HTTP_503);
        Finding f = find(run);
        assertThat(f.mode()).isEqualTo(Finding.Mode.RUNNING);
        assertThat(f.errorClass()).isEqualTo(ErrorClass.DEPENDENCY_5XX);
        Finding quiet = find(new Runs("shop/orders").ok("fetch", "http"));
        assertThat(quiet.mode()).isEqualTo(Finding.Mode.RUNNING);
        assertThat(quiet.errorClass()).isNull();
    }

    @Test
    void theWorkersOwnClassWinsOverTheClassifier() {
        ErrorInfo classified = new ErrorInfo("ToolError", "something odd happened", null, false, "rate_limited");
        Finding f = find(new Runs("shop/orders").attempts("fetch", "http", false, classified).failedByLastStep());
        assertThat(f.errorClass()).isEqualTo(ErrorClass.RATE_LIMITED);
    }
}
