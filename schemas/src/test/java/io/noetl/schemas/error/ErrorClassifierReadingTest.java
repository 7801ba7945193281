package io.noetl.schemas.error;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** How the classifier reads exception names, chained causes and the phrasing of clients and command-line tools. */
class ErrorClassifierReadingTest {

    private final ErrorClassifier classifier = ErrorClassifier.standard();

    @Test
    @DisplayName("an exception without a message, alone on the first line, heads the error over its chained cause")
    void bareExceptionNameOnTheFirstLineHeadsTheError() {
        assertThat(classifier.classify("PythonError", "TimeoutError\ncaused by: asyncio.exceptions.CancelledError"))
                .isEqualTo(ErrorClass.TIMEOUT);
        assertThat(classifier.classify("PythonError", "MemoryError\nwhile handling: KeyError: 'rows'"))
                .isEqualTo(ErrorClass.RESOURCE_EXHAUSTED);
    }

    @Test
    @DisplayName("a compound exception name is read by its longest known tail")
    void compoundNameIsReadByItsKnownTail() {
        assertThat(ExceptionNames.tailHint("DataContractViolation").errorClass()).isEqualTo(ErrorClass.VALIDATION);
        assertThat(classifier.classify("PythonError", "OrdersContractViolation: 12 rows break orders.v2"))
                .isEqualTo(ErrorClass.VALIDATION);
        assertThat(classifier.classify("PythonError", "BillingApiConnectionError: gave up after 3 tries"))
                .isEqualTo(ErrorClass.CONNECTION);
    }

    @Test
    @DisplayName("the platform's own types and generic names are never the tail of another name")
    void platformTypesAndGenericNamesAreNotTails() {
        assertThat(ExceptionNames.tailHint("RequestRejected")).isNull();
        assertThat(ExceptionNames.tailHint("PluginConfigError")).isNull();
        assertThat(ExceptionNames.tailHint("SomethingError")).isNull();
    }

    @Test
    @DisplayName("a refused, reset or unresolvable dependency beats the timeout of the client that waited for it")
    void definiteConnectionFailureBeatsTheClientsTimeout() {
        assertThat(classifier.classify("PythonError", "motor.errors.ServerSelectionTimeoutError: db-1:27017: "
                + "[Errno 111] Connection refused, Timeout: 10s")).isEqualTo(ErrorClass.CONNECTION);
        assertThat(classifier.classify("PythonError", "ServerSelectionTimeoutError: db-1:27017: timed out, "
                + "Timeout: 10s")).isEqualTo(ErrorClass.TIMEOUT);
        assertThat(classifier.classify("PythonError", "requests.exceptions.ReadTimeout: HTTPSConnectionPool("
                + "host='a.example', port=443): Read timed out. (read timeout=5)")).isEqualTo(ErrorClass.TIMEOUT);
    }

    @Test
    @DisplayName("a status a command-line client says a URL returned is an HTTP status")
    void statusReturnedByACommandLineClientIsAnHttpStatus() {
        assertThat(classifier.classify("ShellError", "command exited with code 22: curl: (22) The requested URL "
                + "returned error: 502")).isEqualTo(ErrorClass.DEPENDENCY_5XX);
        assertThat(classifier.classify("ShellError", "wget: server returned error: 404 Not Found"))
                .isEqualTo(ErrorClass.NOT_FOUND);
        assertThat(classifier.classify("ShellError", "command exited with code 1: returned status 429"))
                .isEqualTo(ErrorClass.RATE_LIMITED);
    }

    @Test
    @DisplayName("a connection that was refused is a connection failure however many words stand between")
    void refusedConnectionWithWordsBetweenIsAConnectionFailure() {
        assertThat(classifier.classify("ShellError", "command exited with code 1: The connection to the server "
                + "api.k8s.local:443 was refused - did you specify the right host or port?"))
                .isEqualTo(ErrorClass.CONNECTION);
        assertThat(classifier.classify("ShellError", "command exited with code 1: the remote host refused our "
                + "connection")).isEqualTo(ErrorClass.CONNECTION);
    }

    @Test
    @DisplayName("a MySQL login failure is auth even when the password flag was masked")
    void mysqlLoginFailureIsAuthWithAMaskedFlag() {
        assertThat(classifier.classify("PythonError", "OperationalError: (1045, \"Access denied for user "
                + "'app'@'10.1.2.3' (using password: ***\")")).isEqualTo(ErrorClass.AUTH);
        assertThat(classifier.classify("PythonError", "OperationalError: (1044, \"Access denied for user "
                + "'app'@'%' to database 'billing'\")")).isEqualTo(ErrorClass.PERMISSION);
    }
}
