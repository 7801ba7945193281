package io.noetl.topology;

import static org.assertj.core.api.Assertions.assertThat;

import io.noetl.schemas.Names;
import io.noetl.schemas.Ulid;
import io.noetl.schemas.event.Event;
import io.noetl.schemas.event.EventTypes;
import io.noetl.schemas.stream.Alert;
import io.noetl.schemas.stream.ExecutionTrace;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DedupeAndStuckTest {

    @TempDir
    Path stateDir;

    @Test
    @DisplayName("a redelivered event is forwarded once and counted once in the trace")
    void redeliveredEventIsCountedOnce() {
        Scenario s = new Scenario("p", Driver.T0).started().step("a", 2);
        try (Driver d = new Driver(stateDir)) {
            d.pipeAll(s.events());
            d.pipeAll(s.events());
            assertThat(d.events.readValuesToList()).hasSize(s.events().size());
            assertThat(d.traceOf(s.executionId).eventCount()).isEqualTo(s.events().size());
        }
    }

    @Test
    @DisplayName("the events of one execution made within a second share one de-duplication record")
    void idsOfOneExecutionShareARecord() {
        String exec = Ulid.next();
        try (Driver d = new Driver(stateDir)) {
            for (int i = 0; i < 20; i++) {
                d.pipe(Event.builder(EventTypes.STEP_ENTER, exec).eventId(Driver.ulidAt(Driver.T0.plusMillis(i)))
                        .step("s" + i).timestamp(Driver.T0.plusMillis(i)).build());
            }
            d.pipe(Event.builder(EventTypes.STEP_ENTER, Ulid.next()).eventId(Driver.ulidAt(Driver.T0)).step("x")
                    .timestamp(Driver.T0).build());
            KeyValueStore<String, byte[]> store = d.driver.getKeyValueStore(StoreNames.DEDUPE);
            List<String> keys = new ArrayList<>();
            try (KeyValueIterator<String, byte[]> it = store.all()) {
                it.forEachRemaining(kv -> keys.add(kv.key));
            }
            assertThat(keys).hasSize(2).anySatisfy(k -> assertThat(k).endsWith(exec));
            assertThat(d.events.readValuesToList()).hasSize(21);
        }
    }

    @Test
    @DisplayName("event ids are forgotten once the stream is past their retention")
    void idsExpireAfterTheRetention() {
        Event e = Event.builder(EventTypes.STEP_ENTER, Ulid.next()).eventId(Driver.ulidAt(Driver.T0)).step("a")
                .timestamp(Driver.T0).build();
        try (Driver d = new Driver(stateDir)) {
            d.pipe(e);
            d.pipe(Event.builder(EventTypes.STEP_ENTER, Ulid.next()).step("a")
                    .timestamp(Driver.T0.plus(Duration.ofHours(2))).build());
            d.pipe(e.executionId(), io.noetl.schemas.Json.bytes(e), Driver.T0.plus(Duration.ofHours(2)));
            assertThat(d.events.readValuesToList()).hasSize(3);
        }
    }

    @Test
    @DisplayName("a running execution quiet past the limit raises one stuck alert; a new event re-arms it")
    void stuckExecutionAlertsOncePerQuietPeriod() {
        TopologyConfig cfg = TopologyConfig.defaults(Names.DEFAULT)
                .withStuck(Duration.ofMinutes(10), Duration.ofSeconds(30));
        Scenario s = new Scenario("etl/daily", Driver.T0).started().step("extract", 2);
        try (Driver d = new Driver(cfg, stateDir)) {
            d.pipeAll(s.events());
            d.driver.advanceWallClockTime(Duration.ofMinutes(9));
            assertThat(d.alerts.isEmpty()).isTrue();
            d.driver.advanceWallClockTime(Duration.ofMinutes(2));
            List<KeyValue<String, Alert>> alerts = d.alerts.readKeyValuesToList();
            assertThat(alerts).singleElement().satisfies(kv -> {
                assertThat(kv.key).isEqualTo("etl/daily/extract");
                assertThat(kv.value.type()).isEqualTo(Alert.STUCK_EXECUTION);
                assertThat(kv.value.severity()).isEqualTo(Alert.WARNING);
                assertThat(kv.value.key()).isEqualTo(s.executionId);
                assertThat(kv.value.executionIds()).containsExactly(s.executionId);
                assertThat(kv.value.message()).contains("extract").contains("quiet for 1");
            });
            d.driver.advanceWallClockTime(Duration.ofMinutes(30));
            assertThat(d.alerts.isEmpty()).as("only once per quiet period").isTrue();

            d.pipe(Event.builder(EventTypes.STEP_ENTER, s.executionId).playbookPath("etl/daily").step("load")
                    .timestamp(s.now().plusSeconds(5)).build());
            d.driver.advanceWallClockTime(Duration.ofMinutes(11));
            assertThat(d.alerts.readValuesToList()).singleElement()
                    .satisfies(a -> assertThat(a.message()).contains("load"));
        }
    }

    @Test
    @DisplayName("an execution paused for a person's decision is not stuck; once decided, a quiet period alerts again")
    void anExecutionWaitingForADecisionIsNotStuck() {
        TopologyConfig cfg = TopologyConfig.defaults(Names.DEFAULT)
                .withStuck(Duration.ofMinutes(10), Duration.ofSeconds(30));
        Scenario s = new Scenario("etl/approve", Driver.T0).started().step("notify", 1);
        try (Driver d = new Driver(cfg, stateDir)) {
            d.pipeAll(s.events());
            // the server's transition that pauses it: same timestamp as late worker events may carry
            d.pipe(Event.builder(EventTypes.STEP_WAITING, s.executionId).playbookPath("etl/approve").step("notify")
                    .status("PAUSED").timestamp(s.now().plusSeconds(1)).build());
            d.pipe(Event.builder(EventTypes.COMMAND_COMPLETED, s.executionId).playbookPath("etl/approve")
                    .step("notify").commandId("c-late").attempt(1).status("COMPLETED")
                    .timestamp(s.now().plusSeconds(1)).build());
            d.driver.advanceWallClockTime(Duration.ofHours(2));
            assertThat(d.alerts.isEmpty()).as("waiting for a decision is quiet by design").isTrue();

            d.pipe(Event.builder(EventTypes.DECISION_RECORDED, s.executionId).playbookPath("etl/approve")
                    .step("notify").timestamp(s.now().plusSeconds(3600)).build());
            d.pipe(Event.builder(EventTypes.STEP_ENTER, s.executionId).playbookPath("etl/approve").step("publish")
                    .timestamp(s.now().plusSeconds(3601)).build());
            d.driver.advanceWallClockTime(Duration.ofMinutes(11));
            assertThat(d.alerts.readValuesToList()).singleElement()
                    .satisfies(a -> assertThat(a.message()).contains("publish"));
        }
    }

    @Test
    @DisplayName("a finished execution is never reported stuck")
    void finishedExecutionIsNotStuck() {
        Scenario s = new Scenario("p", Driver.T0).started().step("a", 1).completed();
        try (Driver d = new Driver(stateDir)) {
            d.pipeAll(s.events());
            d.driver.advanceWallClockTime(Duration.ofHours(1));
            assertThat(d.alerts.isEmpty()).isTrue();
        }
    }

    @Test
    @DisplayName("state survives a restart on the same state dir: de-duplication and traces continue")
    void stateSurvivesRestart() {
        Scenario s = new Scenario("p", Driver.T0).started().step("a", 2).step("b", 1).completed();
        List<Event> all = s.events();
        List<Event> firstHalf = all.subList(0, all.size() / 2);
        Driver first = new Driver(stateDir);
        first.pipeAll(firstHalf);
        assertThat(first.traceOf(s.executionId).eventCount()).isEqualTo(firstHalf.size());
        first.closeKeepingState(stateDir);
        try (Driver d = new Driver(stateDir)) {
            d.pipeAll(all); // the first half again (redelivered), then the rest
            assertThat(d.events.readValuesToList()).hasSize(all.size() - firstHalf.size());
            ExecutionTrace t = d.traceOf(s.executionId);
            assertThat(t.eventCount()).isEqualTo(all.size());
            assertThat(t.status()).isEqualTo("COMPLETED");
            assertThat(t.steps()).hasSize(2);
        }
    }
}
