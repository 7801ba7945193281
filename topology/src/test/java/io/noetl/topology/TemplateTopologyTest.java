package io.noetl.topology;

import static org.assertj.core.api.Assertions.assertThat;

import io.noetl.schemas.Ulid;
import io.noetl.schemas.error.ErrorClass;
import io.noetl.schemas.event.ErrorInfo;
import io.noetl.schemas.event.Event;
import io.noetl.schemas.event.EventTypes;
import io.noetl.schemas.stream.NormalizedEvent;
import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TemplateTopologyTest {

    @TempDir
    Path stateDir;

    @Test
    @DisplayName("errors of the same shape with different numbers, ids and paths share one template id")
    void sameShapeSameTemplateId() {
        try (Driver d = new Driver(stateDir)) {
            NormalizedEvent a = mine(d, "Timeout", "request 7f3a9c2e-1b4d-4e8f-9a0b-123456789abc to /data/in/a.csv timed out after 30s");
            NormalizedEvent b = mine(d, "Timeout", "request 0a1b2c3d-1111-2222-3333-444455556666 to /srv/x/y/z.json timed out after 125s");
            assertThat(a.templateId()).isNotNull().isEqualTo(b.templateId());
            assertThat(b.template()).isEqualTo("request <*> to <*> timed out after <*>");
            assertThat(a.errorClass()).isEqualTo("timeout");
        }
    }

    @Test
    @DisplayName("errors of different shapes get different template ids")
    void differentShapeDifferentTemplateId() {
        try (Driver d = new Driver(stateDir)) {
            NormalizedEvent a = mine(d, "PythonError", "division by zero in line 12");
            NormalizedEvent b = mine(d, "PythonError", "name 'totl' is not defined");
            assertThat(a.templateId()).isNotEqualTo(b.templateId());
        }
    }

    @Test
    @DisplayName("the template id is the same in another task or instance that sees the same shape (no shared state)")
    void idsAgreeAcrossIndependentInstances() {
        String one;
        String two;
        try (Driver d = new Driver(stateDir.resolve("one"))) {
            mine(d, "X", "unrelated warm-up message number 1");
            one = mine(d, "HttpError", "HTTP 502 from http://10.1.2.3:8080/api/v2/items?page=4").templateId();
        }
        try (Driver d = new Driver(stateDir.resolve("two"))) {
            two = mine(d, "HttpError", "HTTP 502 from http://172.16.0.9:9000/api/v2/orders").templateId();
        }
        assertThat(one).isEqualTo(two);
    }

    @Test
    @DisplayName("error classes come from the type and the message")
    void errorClasses() {
        try (Driver d = new Driver(stateDir)) {
            assertThat(mine(d, "HttpError", "HTTP 429 Too Many Requests").errorClass()).isEqualTo("rate_limited");
            assertThat(mine(d, "ConnectionError", "connection refused").errorClass()).isEqualTo("connection");
            assertThat(mine(d, "HttpError", "HTTP 503 upstream unavailable").errorClass()).isEqualTo("dependency_5xx");
            assertThat(mine(d, "KeychainError", "no value for keychain entry").errorClass()).isEqualTo("auth");
            assertThat(mine(d, "HttpError", "HTTP 403 from GET http://x/").errorClass()).isEqualTo("permission");
            assertThat(mine(d, "Cancelled", "execution 01J was cancelled").errorClass()).isEqualTo("cancelled");
        }
    }

    @Test
    @DisplayName("the producer's error class is kept; an error without one is classified here")
    void producerClassIsKeptAndAMissingOneIsFilled() {
        try (Driver d = new Driver(stateDir)) {
            d.pipe(Event.builder(EventTypes.CALL_ERROR, Ulid.next()).step("s").timestamp(Driver.T0)
                    .error(ErrorInfo.fatal("PythonError", "ValueError: quality gate said no")
                            .withClass(ErrorClass.DATA_QUALITY)).build());
            NormalizedEvent kept = d.events.readValue();
            assertThat(kept.errorClass()).isEqualTo("data_quality");
            assertThat(kept.error().errorClass()).as("the class moved to error_class").isNull();
            assertThat(kept.error().message()).isEqualTo("ValueError: quality gate said no");

            assertThat(mine(d, "PythonError", "ValueError: quality gate said no").errorClass())
                    .isEqualTo("data_quality");
            assertThat(mine(d, "PythonError", "ValueError: bad literal").errorClass()).isEqualTo("code_error");
        }
    }

    @Test
    @DisplayName("a class the producer left out is found from the HTTP status in meta, the tool and the stack")
    void missingClassUsesMetaToolAndStack() {
        try (Driver d = new Driver(stateDir)) {
            d.pipe(Event.builder(EventTypes.CALL_ERROR, Ulid.next()).step("s").toolKind("http").timestamp(Driver.T0)
                    .meta(java.util.Map.of("http_status", 429))
                    .error(ErrorInfo.retriable("HttpError", "GET http://x/ failed")).build());
            assertThat(d.events.readValue().errorClass()).isEqualTo("rate_limited");
            d.pipe(Event.builder(EventTypes.CALL_ERROR, Ulid.next()).step("s").toolKind("shell").timestamp(Driver.T0)
                    .error(new ErrorInfo("ShellError", "command exited with code 1",
                            "psql: error: connection to server at \"db\" failed: Connection refused", false))
                    .build());
            assertThat(d.events.readValue().errorClass()).isEqualTo("connection");
        }
    }

    @Test
    @DisplayName("an event without error gets no template; an error without message gets a class but no template")
    void noErrorNoTemplate() {
        try (Driver d = new Driver(stateDir)) {
            d.pipe(Event.builder(EventTypes.CALL_DONE, Ulid.next()).timestamp(Driver.T0).build());
            NormalizedEvent ok = d.events.readValue();
            assertThat(ok.templateId()).isNull();
            assertThat(ok.errorClass()).isNull();
            d.pipe(Event.builder(EventTypes.CALL_ERROR, Ulid.next()).timestamp(Driver.T0)
                    .error(ErrorInfo.of("Timeout", null)).build());
            NormalizedEvent noMessage = d.events.readValue();
            assertThat(noMessage.errorClass()).isEqualTo("timeout");
            assertThat(noMessage.templateId()).isNull();
        }
    }

    @Test
    @DisplayName("the miner state survives a restart: what was learnt before still generalizes templates after")
    void minerStateSurvivesRestart() {
        Driver first = new Driver(stateDir);
        for (String user : new String[] {"alice", "bob", "carol"}) {
            mine(first, "AuthError", "login failed for user " + user + " on gateway");
        }
        first.closeKeepingState(stateDir);
        try (Driver d = new Driver(stateDir)) {
            // the fourth distinct user turns the word into a wildcard only if the first three were remembered
            NormalizedEvent after = mine(d, "AuthError", "login failed for user dave on gateway");
            assertThat(after.template()).isEqualTo("login failed for user <*> on gateway");
        }
        try (Driver fresh = new Driver(stateDir.resolveSibling("fresh"))) {
            assertThat(mine(fresh, "AuthError", "login failed for user dave on gateway").template())
                    .as("without the restored state the same message stays its own template")
                    .isEqualTo("login failed for user dave on gateway");
        }
    }

    static NormalizedEvent mine(Driver d, String type, String message) {
        d.pipe(Event.builder(EventTypes.CALL_ERROR, Ulid.next()).step("s").timestamp(Driver.T0)
                .error(ErrorInfo.of(type, message)).build());
        return d.events.readValue();
    }
}
