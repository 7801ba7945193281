package io.noetl.server.engine;

import static io.noetl.server.engine.Fixtures.arc;
import static io.noetl.server.engine.Fixtures.playbook;
import static io.noetl.server.engine.Fixtures.retry;
import static io.noetl.server.engine.Fixtures.step;
import static org.assertj.core.api.Assertions.assertThat;

import io.noetl.schemas.Status;
import io.noetl.schemas.command.Command;
import io.noetl.schemas.event.ErrorInfo;
import io.noetl.schemas.event.Event;
import io.noetl.schemas.event.EventTypes;
import io.noetl.schemas.playbook.Playbook;
import io.noetl.schemas.playbook.PolicyRule;
import io.noetl.schemas.playbook.ToolKind;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class RetryTest {

    private static final ErrorInfo UNAVAILABLE = ErrorInfo.retriable("HttpError", "503 Service Unavailable");

    private static Playbook withPolicy(PolicyRule... rules) {
        return playbook(Map.of(),
                step("start").next(arc("call")),
                step("call").tool(ToolKind.HTTP, "url", "http://x/api").policy(rules).next(arc("after")),
                step("after").args(Map.of("status", "{{ call.status }}")));
    }

    @Test
    void retriesWithExponentialBackoffAndIssuesOnlyWhenDue() {
        Harness h = new Harness(withPolicy(retry("{{ outcome.error.retriable }}", 3,
                PolicyRule.Backoff.EXPONENTIAL, 1000))).start(Map.of());

        h.error(h.command("call"), UNAVAILABLE, null);
        Event first = h.events(EventTypes.RETRY_SCHEDULED).get(0);
        assertThat(first.meta()).containsEntry("delay_ms", 1000L).containsEntry("next_attempt", 2);
        assertThat(h.open).isEmpty();
        assertThat(h.state.nextWakeUp()).isEqualTo(h.clock.instant().plusMillis(1000));

        assertThat(h.tickAfter(Duration.ofMillis(999)).changed()).isFalse();
        h.tickAfter(Duration.ofMillis(1));
        Command second = h.command("call");
        assertThat(second.attempt()).isEqualTo(2);

        h.error(second, UNAVAILABLE, null);
        assertThat(h.events(EventTypes.RETRY_SCHEDULED).get(1).meta())
                .containsEntry("delay_ms", 2000L).containsEntry("next_attempt", 3);
        h.tickAfter(Duration.ofMillis(2000));
        Command third = h.command("call");
        assertThat(third.attempt()).isEqualTo(3);
        assertThat(third.commandId()).isNotEqualTo(second.commandId());

        h.done(third, Map.of("status", 200, "body", "ok"));
        assertThat(h.state.status()).isEqualTo(Status.COMPLETED);
        assertThat(h.state.steps().get("call").attempts()).isEqualTo(3);
        assertThat(h.state.steps().get("after").result()).isEqualTo(Map.of("status", 200));
    }

    @Test
    void failsAfterRetriesAreExhausted() {
        Harness h = new Harness(withPolicy(retry(null, 2, PolicyRule.Backoff.FIXED, 0))).start(Map.of());
        h.error(h.command("call"), UNAVAILABLE, null);
        // delay 0: the retry is issued at once
        Command second = h.command("call");
        assertThat(second.attempt()).isEqualTo(2);

        h.error(second, UNAVAILABLE, null);
        assertThat(h.state.status()).isEqualTo(Status.FAILED);
        assertThat(h.state.error()).isEqualTo("step call failed: HttpError: 503 Service Unavailable");
    }

    @Test
    void policyWhenSeesTheHttpStatusOfTheOutcome() {
        Playbook pb = withPolicy(retry("{{ outcome.http.status == 503 }}", 5, PolicyRule.Backoff.FIXED, 500));
        Harness h = new Harness(pb).start(Map.of());
        h.error(h.command("call"), UNAVAILABLE, Map.of("status", 503, "body", "busy"));
        assertThat(h.events(EventTypes.RETRY_SCHEDULED)).hasSize(1);

        h.tickAfter(Duration.ofMillis(500));
        h.error(h.command("call"), ErrorInfo.fatal("HttpError", "404 Not Found"), Map.of("status", 404));
        assertThat(h.events(EventTypes.RETRY_SCHEDULED)).hasSize(1);
        assertThat(h.state.status()).isEqualTo(Status.FAILED);
        assertThat(h.state.error()).isEqualTo("step call failed: HttpError: 404 Not Found");
    }

    @Test
    @DisplayName("a when on outcome.error.class retries a 503 and not a 404")
    void policyWhenSeesTheErrorClassOfTheOutcome() {
        Playbook pb = withPolicy(retry("{{ outcome.error.class in ['dependency_5xx', 'rate_limited'] }}", 5,
                PolicyRule.Backoff.FIXED, 0));
        Harness h = new Harness(pb).start(Map.of());
        h.error(h.command("call"), ErrorInfo.retriable("HttpError", "HTTP 503 from GET http://x/api"),
                Map.of("status", 503, "body", "busy"));
        assertThat(h.events(EventTypes.RETRY_SCHEDULED)).hasSize(1);
        assertThat(h.events(EventTypes.RETRY_SCHEDULED).get(0).error().errorClass()).isEqualTo("dependency_5xx");

        Command second = h.command("call");
        assertThat(second.attempt()).isEqualTo(2);
        h.error(second, ErrorInfo.fatal("HttpError", "HTTP 404 from GET http://x/api"), Map.of("status", 404));
        assertThat(h.events(EventTypes.RETRY_SCHEDULED)).hasSize(1);
        assertThat(h.state.status()).isEqualTo(Status.FAILED);
        assertThat(h.state.steps().get("call").error().errorClass()).isEqualTo("not_found");
        assertThat(h.events(EventTypes.STEP_EXIT).getLast().error().errorClass()).isEqualTo("not_found");
        assertThat(h.events(EventTypes.PLAYBOOK_FAILED).get(0).error().errorClass()).isEqualTo("not_found");
    }

    @Test
    @DisplayName("the worker's class is what outcome.error.class shows; the server classifies only a missing one")
    void workersClassWinsOverTheServersReading() {
        Playbook pb = withPolicy(retry("{{ outcome.error.class == 'rate_limited' }}", 5, PolicyRule.Backoff.FIXED,
                0));
        Harness h = new Harness(pb).start(Map.of());
        h.error(h.command("call"), ErrorInfo.retriable("HttpError", "quota reached")
                .withClass(io.noetl.schemas.error.ErrorClass.RATE_LIMITED), null);
        assertThat(h.events(EventTypes.RETRY_SCHEDULED)).hasSize(1);
        h.error(h.command("call"), ErrorInfo.retriable("HttpError", "HTTP 429 from GET http://x/api"), null);
        assertThat(h.events(EventTypes.RETRY_SCHEDULED)).hasSize(2);
        h.error(h.command("call"), ErrorInfo.retriable("HttpError", "HTTP 429 from GET http://x/api")
                .withClass(io.noetl.schemas.error.ErrorClass.DEPENDENCY_5XX), null);
        assertThat(h.events(EventTypes.RETRY_SCHEDULED)).as("a 429 the worker called a 5xx is not retried").hasSize(2);
        assertThat(h.state.status()).isEqualTo(Status.FAILED);
    }

    @Test
    void continuePolicyTreatsTheErrorAsTheResultAndFollowsArcs() {
        Playbook pb = playbook(Map.of(),
                step("start").next(arc("call")),
                step("call").python("x").policy(new PolicyRule(null, PolicyRule.Action.CONTINUE, 1,
                        PolicyRule.Backoff.FIXED, 0)).next(arc("after", "{{ call.error.type == 'Boom' }}")),
                step("after").python("y"));
        Harness h = new Harness(pb).start(Map.of());
        h.error(h.command("call"), ErrorInfo.fatal("Boom", "bad"), null);

        assertThat(h.state.steps().get("call").status()).isEqualTo(Status.COMPLETED);
        assertThat(h.open).extracting(Command::step).containsExactly("after");
    }
}
