package io.noetl.topology.template;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ErrorClassifierTest {

    private final ErrorClassifier classifier = new ErrorClassifier();

    @ParameterizedTest(name = "{0}: {1} -> {2}")
    @CsvSource(delimiter = '|', nullValues = "null", value = {
        "Timeout         | step exceeded 30s                         | TIMEOUT",
        "Cancelled       | execution cancelled                       | TIMEOUT",
        "ConnectionError | Connection refused by db:5432              | CONNECTION",
        "HttpError       | HTTP 503 Service Unavailable              | DEPENDENCY_5XX",
        "HttpError       | HTTP 500 from upstream                    | DEPENDENCY_5XX",
        "HttpError       | HTTP 429 Too Many Requests                | RATE_LIMITED",
        "HttpError       | HTTP 404 Not Found                        | NOT_FOUND",
        "HttpError       | HTTP 401 Unauthorized                     | AUTH",
        "HttpError       | HTTP 400 missing field                    | BAD_REQUEST",
        "HttpError       | HTTP 504 Gateway Timeout                  | TIMEOUT",
        "PythonError     | ValueError: invalid literal for int()     | CODE_ERROR",
        "PythonError     | KeyError: 'customer_id'                   | CODE_ERROR",
        "PythonError     | TypeError: unsupported operand            | CODE_ERROR",
        "PythonError     | MemoryError                               | RESOURCE_EXHAUSTED",
        "TemplateError   | undefined variable 'workload.x'           | BAD_REQUEST",
        "KeychainError   | credential pg_main expired                | AUTH",
        "SqlError        | duplicate key value violates unique       | DATA_QUALITY",
        "SqlError        | relation \"orders\" does not exist        | NOT_FOUND",
        "SqlError        | permission denied for table orders        | AUTH",
        "ShellError      | exit code 2                               | CODE_ERROR",
        "UnsupportedTool | tool kind 'ftp'                           | CODE_ERROR",
        "null            | No space left on device                   | RESOURCE_EXHAUSTED",
        "null            | read timed out                            | TIMEOUT",
        "null            | null                                      | UNKNOWN",
        "Weird           | something happened                        | UNKNOWN",
    })
    void classifiesWorkerErrors(String type, String message, ErrorClass expected) {
        assertThat(classifier.classify(type, message)).isEqualTo(expected);
    }

    @Test
    void wireNamesAreLowerSnakeCaseAndRoundTrip() {
        assertThat(ErrorClass.DEPENDENCY_5XX.wireName()).isEqualTo("dependency_5xx");
        assertThat(ErrorClass.RATE_LIMITED.wireName()).isEqualTo("rate_limited");
        for (ErrorClass c : ErrorClass.values()) {
            assertThat(ErrorClass.fromWire(c.wireName())).isEqualTo(c);
        }
        assertThat(ErrorClass.fromWire("nope")).isEqualTo(ErrorClass.UNKNOWN);
    }
}
