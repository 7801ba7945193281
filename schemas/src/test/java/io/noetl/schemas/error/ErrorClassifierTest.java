package io.noetl.schemas.error;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ErrorClassifierTest {

    private final ErrorClassifier classifier = ErrorClassifier.standard();

    @ParameterizedTest(name = "{0}: {1} -> {2}")
    @CsvSource(delimiter = '|', nullValues = "null", value = {
        "Timeout         | step exceeded 30s                         | TIMEOUT",
        "Cancelled       | execution cancelled                       | CANCELLED",
        "ConnectionError | Connection refused by db:5432              | CONNECTION",
        "HttpError       | HTTP 503 Service Unavailable              | DEPENDENCY_5XX",
        "HttpError       | HTTP 500 from upstream                    | DEPENDENCY_5XX",
        "HttpError       | HTTP 429 Too Many Requests                | RATE_LIMITED",
        "HttpError       | HTTP 404 Not Found                        | NOT_FOUND",
        "HttpError       | HTTP 401 Unauthorized                     | AUTH",
        "HttpError       | HTTP 403 Forbidden                        | PERMISSION",
        "HttpError       | HTTP 400 missing field                    | BAD_REQUEST",
        "HttpError       | HTTP 504 Gateway Timeout                  | TIMEOUT",
        "PythonError     | ValueError: invalid literal for int()     | CODE_ERROR",
        "PythonError     | KeyError: 'customer_id'                   | CODE_ERROR",
        "PythonError     | TypeError: unsupported operand            | CODE_ERROR",
        "PythonError     | MemoryError                               | RESOURCE_EXHAUSTED",
        "TemplateError   | undefined variable 'workload.x'           | BAD_REQUEST",
        "KeychainError   | credential pg_main expired                | AUTH",
        "SqlError        | duplicate key value violates unique       | VALIDATION",
        "SqlError        | relation \"orders\" does not exist        | NOT_FOUND",
        "SqlError        | permission denied for table orders        | PERMISSION",
        "ShellError      | exit code 2                               | CODE_ERROR",
        "UnsupportedTool | tool kind 'ftp'                           | BAD_REQUEST",
        "null            | No space left on device                   | RESOURCE_EXHAUSTED",
        "null            | read timed out                            | TIMEOUT",
        "null            | null                                      | UNKNOWN",
        "Weird           | something happened                        | UNKNOWN",
    })
    void classifiesWorkerErrors(String type, String message, ErrorClass expected) {
        assertThat(classifier.classify(type, message)).isEqualTo(expected);
    }

    @Test
    @DisplayName("an HTTP status wins over the words of the message")
    void httpStatusWinsOverKeywords() {
        assertThat(classifier.classify("HttpError", "HTTP 503 from GET http://x/; body: rate limit exceeded"))
                .isEqualTo(ErrorClass.DEPENDENCY_5XX);
        assertThat(classifier.classify("HttpError", "HTTP 403 from GET http://x/; body: API rate limit exceeded"))
                .isEqualTo(ErrorClass.PERMISSION);
        assertThat(classifier.classify("HttpError", "HTTP 410 from GET http://x/"))
                .isEqualTo(ErrorClass.NOT_FOUND);
        assertThat(classifier.classify("HttpError", "HTTP 408 from GET http://x/")).isEqualTo(ErrorClass.TIMEOUT);
        assertThat(classifier.classify("HttpError", "HTTP 422 from GET http://x/; body: validation failed"))
                .isEqualTo(ErrorClass.BAD_REQUEST);
    }

    @Test
    @DisplayName("an HTTP status given apart from the message decides even when the message names none")
    void givenHttpStatusDecides() {
        ErrorEvidence e = new ErrorEvidence("HttpError", "GET http://x/ failed", 429, "http", null);
        assertThat(classifier.classify(e)).isEqualTo(ErrorClass.RATE_LIMITED);
        ErrorEvidence ok = new ErrorEvidence("PythonError", "KeyError: 'x'", 200, "python", null);
        assertThat(classifier.classify(ok)).isEqualTo(ErrorClass.CODE_ERROR);
    }

    @Test
    @DisplayName("a SQLSTATE wins over the words of the message")
    void sqlStateWinsOverKeywords() {
        assertThat(classifier.classify("SqlError", "load failed [28P01]: connection to db failed"))
                .isEqualTo(ErrorClass.AUTH);
        assertThat(classifier.classify("SqlError", "load failed [42501]: relation orders does not exist"))
                .isEqualTo(ErrorClass.PERMISSION);
        assertThat(classifier.classify("SqlError", "load failed [42703]: syntax error"))
                .isEqualTo(ErrorClass.NOT_FOUND);
        assertThat(classifier.classify("SqlError", "load failed [42P01]: x")).isEqualTo(ErrorClass.NOT_FOUND);
        assertThat(classifier.classify("SqlError", "load failed [42601]: x")).isEqualTo(ErrorClass.BAD_REQUEST);
        assertThat(classifier.classify("SqlError", "load failed [23503]: x")).isEqualTo(ErrorClass.VALIDATION);
        assertThat(classifier.classify("SqlError", "load failed [57014]: canceling statement due to user request"))
                .isEqualTo(ErrorClass.TIMEOUT);
        assertThat(classifier.classify("SqlError", "load failed [53300]: timed out"))
                .isEqualTo(ErrorClass.RESOURCE_EXHAUSTED);
        assertThat(classifier.classify("SqlError", "load failed [08006]: permission denied"))
                .isEqualTo(ErrorClass.CONNECTION);
        assertThat(classifier.classify(null, "ERROR: x (SQLSTATE 42P01)")).isEqualTo(ErrorClass.NOT_FOUND);
        assertThat(classifier.classify(null, "ERROR: x [SQLSTATE 23505]")).isEqualTo(ErrorClass.VALIDATION);
    }

    @Test
    @DisplayName("a pool, memory, disk, quota or file-handle limit is resource_exhausted even when it says timed out")
    void limitsAreResourceExhaustedEvenWhenTheyTimedOutWaiting() {
        assertThat(classifier.classify("TimeoutError", "QueuePool limit of size 5 overflow 10 reached, connection "
                + "timed out, timeout 30")).isEqualTo(ErrorClass.RESOURCE_EXHAUSTED);
        assertThat(classifier.classify(null, "timed out waiting for a connection from the pool"))
                .isEqualTo(ErrorClass.RESOURCE_EXHAUSTED);
        assertThat(classifier.classify(null, "read timed out: Too many open files"))
                .isEqualTo(ErrorClass.RESOURCE_EXHAUSTED);
    }

    @Test
    @DisplayName("a cancel by a person or a parent is cancelled; a step's own time limit is timeout")
    void cancelIsNotTimeout() {
        assertThat(classifier.classify("Cancelled", "execution 01J was cancelled")).isEqualTo(ErrorClass.CANCELLED);
        assertThat(classifier.classify("ChildCancelled", "parent execution cancelled"))
                .isEqualTo(ErrorClass.CANCELLED);
        assertThat(classifier.classify(null, "task was cancelled by user admin")).isEqualTo(ErrorClass.CANCELLED);
        assertThat(classifier.classify("Timeout", "tool shell exceeded its time limit of 1000 ms"))
                .isEqualTo(ErrorClass.TIMEOUT);
        assertThat(classifier.classify(null, "the query was cancelled: statement timeout reached"))
                .isEqualTo(ErrorClass.TIMEOUT);
    }

    @Test
    @DisplayName("a broken contract is validation; a quality check or a person's rejection is data_quality")
    void contractsAreValidationAndQualityChecksAreDataQuality() {
        assertThat(classifier.classify("PythonError", "jsonschema.exceptions.ValidationError: 'id' is a required "
                + "property")).isEqualTo(ErrorClass.VALIDATION);
        assertThat(classifier.classify("PythonError", "AssertionError: response is missing field 'items'"))
                .isEqualTo(ErrorClass.VALIDATION);
        assertThat(classifier.classify("PythonError", "ValueError: null rate 0.4 above threshold 0.1"))
                .isEqualTo(ErrorClass.DATA_QUALITY);
        assertThat(classifier.classify("ShellError", "Failure in test unique_orders_id\n  Got 3 results, "
                + "configured to fail if != 0")).isEqualTo(ErrorClass.DATA_QUALITY);
        assertThat(classifier.classify("Rejected", "step review rejected by bob: too many anomalies"))
                .isEqualTo(ErrorClass.DATA_QUALITY);
    }

    @Test
    @DisplayName("a stack or log tail counts as evidence, but less than the message")
    void detailIsWeakerEvidenceThanTheMessage() {
        ErrorEvidence onlyDetail = new ErrorEvidence("ShellError", "command exited with code 1", null, "shell",
                "Traceback (most recent call last):\nConnectionRefusedError: [Errno 111] Connection refused");
        assertThat(classifier.classify(onlyDetail)).isEqualTo(ErrorClass.CONNECTION);
        ErrorEvidence both = new ErrorEvidence("PythonError", "KeyError: 'amount'", null, "python",
                "while retrying after a read timed out");
        assertThat(classifier.classify(both)).isEqualTo(ErrorClass.CODE_ERROR);
    }

    @Test
    @DisplayName("without evidence the failing tool decides: shell is the step's code, SQL a bad request")
    void toolKindIsTheLastResort() {
        assertThat(classifier.classify(new ErrorEvidence(null, "exit 1", null, "shell", null)))
                .isEqualTo(ErrorClass.CODE_ERROR);
        assertThat(classifier.classify(new ErrorEvidence("SqlError", "duckdb step failed: boom", null, "duckdb",
                null))).isEqualTo(ErrorClass.BAD_REQUEST);
        assertThat(classifier.classify(new ErrorEvidence("PythonError", "OrderMismatch: 3 != 4", null, "python",
                null))).isEqualTo(ErrorClass.UNKNOWN);
        assertThat(classifier.classify(new ErrorEvidence("PythonError", "LedgerError: 3 != 4", null, "python",
                null))).isEqualTo(ErrorClass.CODE_ERROR);
        assertThat(classifier.classify(new ErrorEvidence("PythonError", "Exception: 3 != 4", null, "python",
                null))).isEqualTo(ErrorClass.UNKNOWN);
    }

    @Test
    @DisplayName("an unknown exception name is read by its words")
    void unknownExceptionNamesAreReadByTheirWords() {
        assertThat(classifier.classify(null, "com.acme.WarehouseConnectionRefusedException: boom"))
                .isEqualTo(ErrorClass.CONNECTION);
        assertThat(classifier.classify(null, "Acme::UpstreamReadTimeout: slow")).isEqualTo(ErrorClass.TIMEOUT);
        assertThat(classifier.classify(null, "acme_logger: boom")).isEqualTo(ErrorClass.UNKNOWN);
    }

    @Test
    void messagesBeyondTheReadLimitAreCut() {
        String longMessage = "KeyError: 'x' " + "a".repeat(ErrorClassifier.MAX_CHARS * 4) + " connection refused";
        assertThat(classifier.classify("PythonError", longMessage)).isEqualTo(ErrorClass.CODE_ERROR);
    }

    @Test
    void wireNamesAreLowerSnakeCaseAndRoundTrip() {
        assertThat(ErrorClass.DEPENDENCY_5XX.wireName()).isEqualTo("dependency_5xx");
        assertThat(ErrorClass.RATE_LIMITED.wireName()).isEqualTo("rate_limited");
        for (ErrorClass c : ErrorClass.values()) {
            assertThat(ErrorClass.fromWire(c.wireName())).isEqualTo(c);
            assertThat(ErrorClass.isWireName(c.wireName())).isTrue();
        }
        assertThat(ErrorClass.fromWire("nope")).isEqualTo(ErrorClass.UNKNOWN);
        assertThat(ErrorClass.isWireName("nope")).isFalse();
    }

    @Test
    @DisplayName("the classes are the taxonomy of the design, in its order")
    void classesAreTheDesignTaxonomy() {
        assertThat(Arrays.stream(ErrorClass.values()).map(ErrorClass::wireName)).containsExactly("timeout",
                "connection", "dependency_5xx", "rate_limited", "auth", "permission", "not_found", "bad_request",
                "validation", "data_quality", "code_error", "resource_exhausted", "cancelled", "unknown");
    }
}
