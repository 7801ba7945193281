package io.noetl.schemas.error;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ErrorCodesTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
        "HTTP 503 from GET http://x:8080/a                                | 503",
        "urllib.error.HTTPError: HTTP Error 429: Too Many Requests        | 429",
        "500 Server Error: Internal Server Error for url: http://x/       | 500",
        "Client error '404 Not Found' for url 'http://x/'                 | 404",
        "ClientResponseError: 503, message='Service Unavailable'          | 503",
        "Request failed with status code 401                              | 401",
        "An error occurred (404) when calling the HeadObject operation    | 404",
        "Server returned HTTP response code: 502 for URL: http://x/       | 502",
        "Error code: 529 - {'type': 'error'}                              | 529",
        "reqwest::Error { kind: Status(500) }                             | 500",
        "request failed: 503 Service Unavailable                          | 503",
    })
    void httpStatusesAreReadWhereClientsWriteThem(String text, int status) {
        assertThat(HttpStatuses.find(text)).isEqualTo(status);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "connection to db:5432 failed after 500 ms",
        "Got 404 results, configured to fail if != 0",
        "exit status 127",
        "HTTP/1.1 header parser received no bytes",
        "GET https://api.example.com:443/v1/items/404404 timed out",
    })
    @DisplayName("ports, durations, counts and ids are not statuses")
    void numbersOutsideAnHttpContextAreNotStatuses(String text) {
        assertThat(HttpStatuses.find(text)).isNull();
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
        "postgres load failed [42P01]: ERROR: x      | 42P01",
        "ERROR: x (SQLSTATE 23505)                    | 23505",
        "ERROR: x [SQLSTATE 28P01]                    | 28P01",
        "SQL state [40001]; nested exception          | 40001",
        "pgcode=57014                                 | 57014",
        "[28000] [Microsoft][ODBC Driver 17]          | 28000",
    })
    void sqlStatesAreReadWhereDriversWriteThem(String text, String state) {
        assertThat(SqlStates.find(text)).isEqualTo(state);
    }

    @Test
    @DisplayName("bracketed numbers that are no SQLSTATE class (process ids, counts) are not states")
    void processIdsAreNotSqlStates() {
        assertThat(SqlStates.find("postgres[12345]: LOG: checkpoint")).isNull();
        assertThat(SqlStates.find("SQLSTATE unknown")).isNull();
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
        "io.grpc.StatusRuntimeException: UNAVAILABLE: io exception        | UNAVAILABLE",
        "status = StatusCode.DEADLINE_EXCEEDED                              | DEADLINE_EXCEEDED",
        "rpc error: code = PermissionDenied desc = no                       | PERMISSION_DENIED",
        "rpc error: code = Canceled desc = context canceled                 | CANCELLED",
        "14 UNAVAILABLE: No connection established                          | UNAVAILABLE",
        "Status{code=NOT_FOUND, description=gone, cause=null}               | NOT_FOUND",
    })
    void grpcCodesAreReadInEachClientsSpelling(String text, String code) {
        assertThat(GrpcCodes.find(text)).isEqualTo(code);
    }

    @Test
    void grpcResourceExhaustedIsRateLimitedWhenItSpeaksOfRequestRates() {
        ErrorClassifier c = ErrorClassifier.standard();
        assertThat(c.classify(null, "RESOURCE_EXHAUSTED: Quota exceeded for 'Read requests per minute'"))
                .isEqualTo(ErrorClass.RATE_LIMITED);
        assertThat(c.classify(null, "RESOURCE_EXHAUSTED: message larger than max (8 vs. 4)"))
                .isEqualTo(ErrorClass.RESOURCE_EXHAUSTED);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
        "command exited with code 124  | TIMEOUT",
        "command exited with code 126  | PERMISSION",
        "command exited with code 127  | NOT_FOUND",
        "command exited with code 130  | CANCELLED",
        "command exited with code 137  | RESOURCE_EXHAUSTED",
        "command exited with code 139  | CODE_ERROR",
    })
    void shellExitCodesThatTellWhyCount(String text, ErrorClass expected) {
        assertThat(ErrorClassifier.standard().classify("ShellError", text)).isEqualTo(expected);
    }
}
