package io.noetl.worker;

import static org.assertj.core.api.Assertions.assertThat;

import io.nats.client.api.MessageInfo;
import io.noetl.schemas.Json;
import io.noetl.schemas.Names;
import io.noetl.schemas.command.Command;
import io.noetl.schemas.event.Event;
import io.noetl.schemas.playbook.KeychainEntry;
import io.noetl.testkit.NatsTestServer;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The worker against a real nats-server: one private set of streams (unique prefix) per test. */
class WorkerRoleIT {

    private static final AtomicInteger SEQ = new AtomicInteger();
    private static final Duration WAIT = Duration.ofSeconds(15);

    private final String url = NatsTestServer.shared().url();
    private final Names names = new Names("wk" + ProcessHandle.current().pid() + "_" + SEQ.incrementAndGet() + "_");
    private final java.util.List<AutoCloseable> open = new java.util.ArrayList<>();

    private Streams streams() throws Exception {
        Streams s = new Streams(url, names);
        open.add(s);
        return s;
    }

    private WorkerRole worker(String id, Duration ackWait, Map<String, String> env) throws Exception {
        WorkerConfig config = new WorkerConfig(url, "default", id, 8, ackWait, Duration.ofSeconds(30), "python3",
                names, env);
        WorkerRole role = WorkerRole.start(config);
        open.add(role);
        assertThat(role.awaitReady(WAIT)).as("worker ready").isTrue();
        return role;
    }

    @AfterEach
    void closeAll() throws Exception {
        for (AutoCloseable c : open.reversed()) {
            c.close();
        }
    }

    private static boolean hasType(List<Event> events, String type) {
        return events.stream().anyMatch(e -> e.eventType().equals(type));
    }

    @Test
    @DisplayName("a pipeline's nats tasks use the worker's own connection: kv_put then kv_get in one command")
    void natsTasksUseTheWorkersOwnConnection() throws Exception {
        Streams streams = streams();
        worker("w-nats", Duration.ofSeconds(30), Map.of());
        String bucket = names.commandsStream().replaceAll("[^A-Za-z0-9_-]", "_") + "_kv";
        Command c = Commands.pipeline(List.of(
                Commands.task("put", "nats", Map.of("operation", "kv_put", "auth", "nats_credential",
                        "bucket", bucket, "key", "answer", "value", Map.of("n", "{{ workload.n }}")), List.of(), null),
                Commands.task("get", "nats", Map.of("operation", "kv_get", "bucket", bucket, "key", "answer"),
                        List.of(), null)), Map.of("workload", Map.of("n", 42)), null);
        streams.publish(c);
        List<Event> events = streams.events(c.executionId(), ev -> hasType(ev, "command.completed")
                || hasType(ev, "command.failed"), WAIT);
        Event done = events.stream().filter(e -> e.eventType().equals("call.done")).findFirst().orElseThrow();
        assertThat(done.result().path("value").path("n").asInt()).isEqualTo(42);
        assertThat(done.result().path("results").path("put").path("revision").asLong()).isPositive();
        assertThat(done.meta()).containsEntry("nats_connection", "worker");
    }

    @Test
    void aCommandYieldsClaimedStartedCallDoneCompletedInOrderWithItsIds() throws Exception {
        Streams streams = streams();
        worker("w-happy", Duration.ofSeconds(30), Map.of());
        Command c = Commands.command("python", Map.of("code", "print('hi')\nresult = {'sum': workload['n'] + 1}"));
        streams.publish(c);

        List<MessageInfo> msgs = streams.eventMessages(c.executionId(), ev -> hasType(ev, "command.completed"), WAIT);
        List<Event> events = msgs.stream().map(m -> Json.read(m.getData(), Event.class)).toList();
        assertThat(events).extracting(Event::eventType)
                .containsExactly("command.claimed", "command.started", "call.done", "command.completed");
        for (int i = 0; i < events.size(); i++) {
            Event e = events.get(i);
            assertThat(e.executionId()).isEqualTo(c.executionId());
            assertThat(e.commandId()).isEqualTo(c.commandId());
            assertThat(e.parentEventId()).isEqualTo(c.issuedEventId());
            assertThat(e.step()).isEqualTo(c.step());
            assertThat(e.toolKind()).isEqualTo("python");
            assertThat(e.playbookPath()).isEqualTo("tests/worker");
            assertThat(e.playbookVersion()).isEqualTo(1);
            assertThat(e.attempt()).isEqualTo(1);
            assertThat(e.workerId()).isEqualTo("w-happy");
            assertThat(msgs.get(i).getHeaders().getFirst("Nats-Msg-Id")).isEqualTo(e.natsMsgId());
            assertThat(msgs.get(i).getHeaders().getFirst(io.noetl.schemas.Subjects.EVENT_TYPE_HEADER))
                    .isEqualTo(e.eventType());
        }
        assertThat(events.get(0).meta()).containsEntry("delivered", 1);
        assertThat(events.get(2).result().path("sum").asInt()).isEqualTo(4);
        assertThat(events.get(2).logs()).contains("hi");
        assertThat(events.get(2).durationMs()).isNotNull();
        org.awaitility.Awaitility.await().atMost(WAIT).until(() -> streams.pendingCommands() == 0);
    }

    @Test
    void aSecretFromTheEnvironmentNeverAppearsInAnyPublishedEvent() throws Exception {
        String secret = "sup3r-s3cret-" + System.nanoTime();
        Streams streams = streams();
        worker("w-redact", Duration.ofSeconds(30), Map.of("API_SECRET", secret));
        Command c = Commands.command("python", Map.of("code", """
                        print("token is", keychain.api)
                        print("url postgresql://bob:" + keychain.api + "@db/x")
                        result = {"echo": keychain.api, "header": "{{ keychain.api }}", "password": "plain-pw"}
                        raise ValueError("failed with " + keychain.api)
                        """), Map.of(), List.of(new KeychainEntry("api", "secret", null, "API_SECRET")), null);
        streams.publish(c);

        List<MessageInfo> msgs = streams.eventMessages(c.executionId(), ev -> hasType(ev, "command.failed"), WAIT);
        assertThat(msgs).hasSize(4);
        for (MessageInfo m : msgs) {
            String raw = new String(m.getData(), java.nio.charset.StandardCharsets.UTF_8);
            assertThat(raw).doesNotContain(secret);
        }
        Event error = Json.read(msgs.get(2).getData(), Event.class);
        assertThat(error.eventType()).isEqualTo("call.error");
        assertThat(error.error().message()).isEqualTo("ValueError: failed with ***");
        assertThat(error.error().errorClass()).isEqualTo("code_error");
        assertThat(error.logs()).contains("token is ***");
    }

    @Test
    void aMalformedCommandIsTerminatedAndTheWorkerKeepsGoing() throws Exception {
        Streams streams = streams();
        worker("w-poison", Duration.ofSeconds(30), Map.of());
        streams.publishRaw("default", "{not json".getBytes());
        streams.publishRaw("default", "{\"step\": \"no ids\"}".getBytes());
        Command c = Commands.command("noop", Map.of());
        streams.publish(c);

        List<Event> events = streams.events(c.executionId(), ev -> hasType(ev, "command.completed"), WAIT);
        assertThat(events).extracting(Event::eventType).contains("call.done", "command.completed");
        org.awaitility.Awaitility.await().atMost(WAIT).until(() -> streams.pendingCommands() == 0);
    }

    @Test
    void aWorkerKilledMidStepHasItsCommandRunByAnotherWorkerWithTheNextAttempt() throws Exception {
        Streams streams = streams();
        WorkerRole first = worker("w-crash", Duration.ofSeconds(2), Map.of());
        Command c = Commands.command("shell", Map.of("command", "sleep 1; echo finished"));
        streams.publish(c);
        streams.events(c.executionId(), ev -> hasType(ev, "command.started"), WAIT);
        first.abort();
        worker("w-rescue", Duration.ofSeconds(2), Map.of());

        List<Event> events = streams.events(c.executionId(), ev -> hasType(ev, "command.completed"), WAIT);
        assertThat(events).filteredOn(e -> e.workerId().equals("w-crash")).extracting(Event::eventType)
                .doesNotContain("call.done", "command.completed");
        List<Event> rescued = events.stream().filter(e -> e.workerId().equals("w-rescue")).toList();
        assertThat(rescued).extracting(Event::eventType)
                .containsExactly("command.claimed", "command.started", "call.done", "command.completed");
        assertThat(rescued).allSatisfy(e -> assertThat(e.attempt()).isEqualTo(2));
        assertThat(rescued.get(0).meta()).containsEntry("delivered", 2);
        assertThat(rescued.get(2).result().path("stdout").asText()).isEqualTo("finished\n");
    }

    @Test
    void aCancelMessageStopsTheExecutionsRunningTool() throws Exception {
        Streams streams = streams();
        worker("w-cancel", Duration.ofSeconds(30), Map.of());
        Command c = Commands.command("shell", Map.of("command", "sleep 30"));
        streams.publish(c);
        streams.events(c.executionId(), ev -> hasType(ev, "command.started"), WAIT);
        Thread.sleep(200);
        streams.connection().publish(names.cancel(c.executionId()), new byte[0]);

        List<Event> events = streams.events(c.executionId(), ev -> hasType(ev, "command.failed"), WAIT);
        Event error = events.stream().filter(e -> e.eventType().equals("call.error")).findFirst().orElseThrow();
        assertThat(error.error().type()).isEqualTo("Cancelled");
        assertThat(error.error().errorClass()).isEqualTo("cancelled");
    }
}
