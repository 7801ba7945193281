package io.noetl.worker.tool.nats;

import static io.noetl.worker.Commands.command;
import static io.noetl.worker.Commands.run;
import static org.assertj.core.api.Assertions.assertThat;

import io.nats.client.Connection;
import io.nats.client.Dispatcher;
import io.nats.client.Nats;
import io.nats.client.api.StorageType;
import io.nats.client.api.StreamConfiguration;
import io.noetl.embedded.LoopbackPorts;
import io.noetl.schemas.Json;
import io.noetl.testkit.NatsTestServer;
import io.noetl.worker.cancel.CancelRegistry;
import io.noetl.worker.tool.ToolOutcome;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The nats tool against a private nats-server (JetStream on). */
class NatsRunnerIT {

    private static final AtomicInteger SEQ = new AtomicInteger();

    private final String url = NatsTestServer.shared().url();
    private final String unique = "nt" + ProcessHandle.current().pid() + "_" + SEQ.incrementAndGet();

    private ToolOutcome nats(Map<String, Object> config) throws Exception {
        Map<String, Object> withUrl = new java.util.HashMap<>(config);
        withUrl.putIfAbsent("url", url);
        return run(command("nats", withUrl)).outcome();
    }

    @Test
    @DisplayName("kv_put creates the bucket and stores JSON; kv_get reads it back; kv_keys, kv_delete, not_found")
    void keyValueRoundTrip() throws Exception {
        String bucket = unique + "_sessions";
        ToolOutcome.Succeeded put = (ToolOutcome.Succeeded) nats(Map.of("operation", "kv_put", "bucket", bucket,
                "key", "s-{{ workload.n }}", "value", Map.of("user_id", "{{ workload.n }}", "active", true)));
        assertThat(put.result().path("revision").asLong()).isPositive();
        nats(Map.of("operation", "kv_put", "bucket", bucket, "key", "other", "value", "plain text"));
        ToolOutcome.Succeeded got = (ToolOutcome.Succeeded) nats(Map.of("operation", "kv_get", "bucket", bucket,
                "key", "s-3"));
        assertThat(got.result().path("status").asText()).isEqualTo("success");
        assertThat(got.result().path("value").path("user_id").asInt()).isEqualTo(3);
        assertThat(got.result().path("value").path("active").asBoolean()).isTrue();
        ToolOutcome.Succeeded keys = (ToolOutcome.Succeeded) nats(Map.of("operation", "kv_keys", "bucket", bucket,
                "pattern", "s-*"));
        assertThat(keys.result().path("keys").toString()).isEqualTo("[\"s-3\"]");
        nats(Map.of("operation", "kv_delete", "bucket", bucket, "key", "s-3"));
        ToolOutcome.Succeeded gone = (ToolOutcome.Succeeded) nats(Map.of("operation", "kv_get", "bucket", bucket,
                "key", "s-3"));
        assertThat(gone.result().path("status").asText()).isEqualTo("not_found");
        ToolOutcome.Succeeded text = (ToolOutcome.Succeeded) nats(Map.of("operation", "kv_get", "bucket", bucket,
                "key", "other"));
        assertThat(text.result().path("value").asText()).isEqualTo("plain text");
    }

    @Test
    @DisplayName("kv_get of a bucket that does not exist is a not retriable NatsError naming the bucket")
    void aMissingBucketIsANotRetriableError() throws Exception {
        ToolOutcome.Failed failed = (ToolOutcome.Failed) nats(Map.of("operation", "kv_get", "bucket",
                unique + "_none", "key", "k"));
        assertThat(failed.error().type()).isEqualTo("NatsError");
        assertThat(failed.error().message()).contains("kv_get on bucket " + unique + "_none");
        assertThat(failed.error().retriable()).isFalse();
    }

    @Test
    @DisplayName("publish reaches a subscriber; request returns the reply; no responder is a retriable error")
    void publishAndRequest() throws Exception {
        try (Connection nc = Nats.connect(url)) {
            List<String> seen = new java.util.concurrent.CopyOnWriteArrayList<>();
            Dispatcher d = nc.createDispatcher(m -> {
                seen.add(m.getSubject() + ":" + new String(m.getData(), StandardCharsets.UTF_8));
                if (m.getReplyTo() != null) {
                    nc.publish(m.getReplyTo(), ("{\"echo\":" + new String(m.getData(), StandardCharsets.UTF_8) + "}")
                            .getBytes(StandardCharsets.UTF_8));
                }
            });
            d.subscribe(unique + ".>");
            nc.flush(java.time.Duration.ofSeconds(2));
            nats(Map.of("operation", "publish", "subject", unique + ".events", "data", Map.of("n", 1)));
            ToolOutcome.Succeeded reply = (ToolOutcome.Succeeded) nats(Map.of("operation", "request",
                    "subject", unique + ".rpc", "data", Map.of("q", "{{ workload.n }}"), "timeout", "2s"));
            assertThat(reply.result().path("data").path("echo").path("q").asInt()).isEqualTo(3);
            org.awaitility.Awaitility.await().until(() -> seen.contains(unique + ".events:{\"n\":1}"));
        }
        ToolOutcome.Failed none = (ToolOutcome.Failed) nats(Map.of("operation", "request",
                "subject", unique + ".nobody", "data", "x", "timeout", "1s"));
        assertThat(none.error().retriable()).isTrue();
        assertThat(none.error().message()).contains(unique + ".nobody");
    }

    @Test
    @DisplayName("js_publish stores in the stream; js_get_msg reads it by sequence; js_stream_info counts it")
    void jetStreamPublishGetAndInfo() throws Exception {
        String stream = unique.toUpperCase() + "_S";
        try (Connection nc = Nats.connect(url)) {
            nc.jetStreamManagement().addStream(StreamConfiguration.builder().name(stream)
                    .subjects(unique + ".js.>").storageType(StorageType.Memory).build());
        }
        ToolOutcome.Succeeded pub = (ToolOutcome.Succeeded) nats(Map.of("operation", "js_publish",
                "subject", unique + ".js.a", "data", Map.of("v", 7), "headers", Map.of("X-K", "1")));
        assertThat(pub.result().path("stream").asText()).isEqualTo(stream);
        long seq = pub.result().path("seq").asLong();
        ToolOutcome.Succeeded msg = (ToolOutcome.Succeeded) nats(Map.of("operation", "js_get_msg",
                "stream", stream, "seq", seq));
        assertThat(msg.result().path("data").path("v").asInt()).isEqualTo(7);
        assertThat(msg.result().path("headers").path("X-K").asText()).isEqualTo("1");
        ToolOutcome.Succeeded info = (ToolOutcome.Succeeded) nats(Map.of("operation", "js_stream_info",
                "stream", stream));
        assertThat(info.result().path("state").path("messages").asLong()).isEqualTo(1);
    }

    @Test
    @DisplayName("auth names a credential holding the server URL; an unreachable server is a retriable failure")
    void authCredentialAndUnreachableServer() throws Exception {
        String bucket = unique + "_auth";
        ToolOutcome ok = run(command("nats", Map.of("operation", "kv_put", "auth", "nats_local", "bucket", bucket,
                "key", "k", "value", "v")), Map.of("NOETL_CREDENTIAL_NATS_LOCAL", Json.string(Map.of("url", url))),
                new CancelRegistry()).outcome();
        assertThat(ok).isInstanceOf(ToolOutcome.Succeeded.class);
        assertThat(ok.meta()).containsEntry("nats_connection", "configured");
        ToolOutcome.Failed down = (ToolOutcome.Failed) nats(Map.of("url", "nats://127.0.0.1:" + LoopbackPorts.free(),
                "operation", "kv_get", "bucket", bucket, "key", "k"));
        assertThat(down.error().type()).isEqualTo("ConnectionError");
        assertThat(down.error().retriable()).isTrue();
        ToolOutcome.Failed noServer = (ToolOutcome.Failed) run(command("nats", Map.of("operation", "kv_get",
                "bucket", bucket, "key", "k"))).outcome();
        assertThat(noServer.error().message()).contains("no NATS connection");
    }
}
