package io.noetl.app.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LifecycleTest {

    @Test
    void closesInReverseOrderExactlyOnceEvenWhenOneFails() throws InterruptedException {
        List<String> closed = new ArrayList<>();
        Lifecycle life = new Lifecycle();
        life.add((AutoCloseable) () -> closed.add("nats"));
        life.add((AutoCloseable) () -> {
            closed.add("server");
            throw new IllegalStateException("boom");
        });
        life.add((AutoCloseable) () -> closed.add("worker"));
        life.close();
        life.close();
        life.awaitClose();
        assertThat(closed).containsExactly("worker", "server", "nats");
    }
}
