package io.noetl.server.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.noetl.schemas.Status;
import io.noetl.schemas.command.Command;
import io.noetl.schemas.event.ErrorInfo;
import io.noetl.schemas.event.EventTypes;
import io.noetl.schemas.playbook.PlaybookParser;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Playbooks as parsed from YAML: inclusive arcs, parallel loops and policy rules in their written form. */
class YamlFlowsTest {

    @Test
    void inclusiveFanOutOverAParallelLoopWithAnHttpPolicy() {
        Harness h = new Harness(PlaybookParser.parse("""
                apiVersion: noetl.io/v2
                kind: Playbook
                metadata:
                  name: fan_out
                workload:
                  cities: [Oslo, Lima, Pune]
                workflow:
                  - step: start
                    next:
                      spec:
                        mode: inclusive
                      arcs:
                        - step: weather
                        - step: audit
                          when: "{{ workload.cities | length > 2 }}"
                  - step: weather
                    loop:
                      in: "{{ workload.cities }}"
                      iterator: city
                      spec:
                        mode: parallel
                        max_in_flight: 2
                    tool:
                      kind: http
                      url: "http://weather/{{ iter.city }}"
                    spec:
                      timeout: 30s
                      policy:
                        rules:
                          - when: "{{ outcome.http.status == 503 }}"
                            then:
                              do: retry
                              attempts: 3
                              backoff: exponential
                              delay: 2s
                  - step: audit
                    tool:
                      kind: shell
                      command: "echo audit"
                """)).start(Map.of());

        assertThat(h.open).extracting(Command::step).containsExactlyInAnyOrder("weather", "weather", "audit");
        Command oslo = h.open.stream().filter(c -> Integer.valueOf(0).equals(c.loopIndex())).findFirst().orElseThrow();
        assertThat(oslo.timeoutMs()).isEqualTo(30_000L);
        h.error(oslo, ErrorInfo.retriable("HttpError", "503"), Map.of("status", 503));
        assertThat(h.events(EventTypes.RETRY_SCHEDULED).get(0).meta()).containsEntry("delay_ms", 2000L)
                .containsEntry("loop_index", 0);
        h.tickAfter(Duration.ofSeconds(2));

        h.done(h.open.stream().filter(c -> c.step().equals("audit")).findFirst().orElseThrow(), Map.of("ok", 1));
        while (!h.open.isEmpty()) {
            Command c = h.open.get(0);
            h.done(c, Map.of("city", c.context().path("iter").path("city").asText(), "attempt", c.attempt()));
        }

        assertThat(h.state.status()).isEqualTo(Status.COMPLETED);
        assertThat(h.state.result()).containsOnlyKeys("audit", "weather");
        assertThat(h.state.steps().get("weather").result()).isEqualTo(List.of(
                Map.of("city", "Oslo", "attempt", 2), Map.of("city", "Lima", "attempt", 1),
                Map.of("city", "Pune", "attempt", 1)));
    }
}
