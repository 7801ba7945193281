package io.noetl.server.engine;

import static io.noetl.server.engine.Fixtures.arc;
import static io.noetl.server.engine.Fixtures.playbook;
import static io.noetl.server.engine.Fixtures.retry;
import static io.noetl.server.engine.Fixtures.step;
import static org.assertj.core.api.Assertions.assertThat;

import io.noetl.schemas.Status;
import io.noetl.schemas.command.Command;
import io.noetl.schemas.event.EventTypes;
import io.noetl.schemas.playbook.Playbook;
import io.noetl.schemas.playbook.PolicyRule;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TimeoutTest {

    @Test
    void aStartedCommandPastItsTimeoutPlusGraceFailsAsATimeout() {
        Playbook pb = playbook(Map.of(),
                step("start").next(arc("slow")),
                step("slow").python("sleep()").timeoutMs(10_000));
        Harness h = new Harness(pb).start(Map.of());
        Command slow = h.command("slow");
        h.started(slow);
        assertThat(h.state.work().values()).singleElement().extracting(Work::phase).isEqualTo(Work.Phase.STARTED);
        assertThat(h.state.nextWakeUp()).isEqualTo(h.clock.instant().plusSeconds(40));

        assertThat(h.tickAfter(Duration.ofSeconds(39)).changed()).isFalse();
        h.tickAfter(Duration.ofSeconds(1));

        assertThat(h.state.status()).isEqualTo(Status.FAILED);
        assertThat(h.state.steps().get("slow").error().type()).isEqualTo("Timeout");
        assertThat(h.state.error()).startsWith("step slow failed: Timeout: step slow did not finish within 10s");
        assertThat(h.done(slow, Map.of()).changed()).isFalse();
    }

    @Test
    void aTimeoutIsRetriedWhenThePolicySaysSo() {
        Playbook pb = playbook(Map.of(),
                step("start").next(arc("slow")),
                step("slow").python("sleep()").timeoutMs(1_000)
                        .policy(retry("{{ outcome.error.type == 'Timeout' }}", 2, PolicyRule.Backoff.FIXED, 0)));
        Harness h = new Harness(pb).start(Map.of());
        Command first = h.command("slow");
        h.started(first);
        h.tickAfter(Duration.ofSeconds(31));
        h.open.remove(first);

        Command second = h.command("slow");
        assertThat(second.attempt()).isEqualTo(2);
        assertThat(h.done(first, Map.of()).changed()).as("late result of the timed-out attempt").isFalse();
        h.done(second, Map.of("ok", true));
        assertThat(h.state.status()).isEqualTo(Status.COMPLETED);
    }

    @Test
    void aCommandNotClaimedInTimeIsReissuedWithTheNextAttempt() {
        Playbook pb = playbook(Map.of(),
                step("start").next(arc("work")),
                step("work").python("x"));
        Harness h = new Harness(pb).start(Map.of());
        Command lost = h.command("work");
        assertThat(h.state.nextWakeUp(Harness.CLAIM_TIMEOUT)).isEqualTo(h.clock.instant().plus(Harness.CLAIM_TIMEOUT));
        assertThat(h.state.nextWakeUp()).isNull();

        assertThat(h.tickAfter(Duration.ofSeconds(59)).changed()).isFalse();
        h.tickAfter(Duration.ofSeconds(1));
        h.open.remove(lost);
        Command again = h.command("work");
        assertThat(again.attempt()).isEqualTo(2);
        assertThat(again.commandId()).isNotEqualTo(lost.commandId());
        assertThat(h.events(EventTypes.COMMAND_ISSUED)).hasSize(2);

        assertThat(h.done(lost, Map.of()).changed()).isFalse();
        h.done(again, Map.of());
        assertThat(h.state.status()).isEqualTo(Status.COMPLETED);
    }
}
