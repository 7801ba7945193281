package io.noetl.server.it;

import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import org.awaitility.core.ConditionTimeoutException;

/** Polls an execution over REST until it reaches a status. */
final class Await {

    private Await() {
    }

    static JsonNode status(Http http, String executionId, String status, Duration timeout) {
        AtomicReference<JsonNode> last = new AtomicReference<>();
        try {
            await().atMost(timeout).pollInterval(Duration.ofMillis(50)).until(() -> {
                Http.Response r = http.get("/api/executions/" + executionId);
                last.set(r.body());
                return r.status() == 200 && status.equals(r.body().path("status").asText());
            });
        } catch (ConditionTimeoutException e) {
            throw new AssertionError("execution " + executionId + " did not reach " + status + " within " + timeout
                    + "; last seen: " + (last.get() == null ? "nothing" : last.get().toPrettyString()), e);
        }
        return last.get();
    }

    /** Polls {@code probe} until it returns non-null; returns that value. */
    static <T> T until(Duration timeout, java.util.concurrent.Callable<T> probe) {
        AtomicReference<T> found = new AtomicReference<>();
        await().atMost(timeout).pollInterval(Duration.ofMillis(50)).until(() -> {
            found.set(probe.call());
            return found.get() != null;
        });
        return found.get();
    }

    static String start(Http http, String path) {
        Http.Response r = http.postJson("/api/executions", "{\"path\": \"" + path + "\"}");
        if (r.status() != 201) {
            throw new AssertionError("start " + path + ": " + r.status() + " " + r.body());
        }
        return r.body().path("execution_id").asText();
    }
}
