package io.noetl.server.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.nats.client.Connection;
import io.nats.client.Nats;
import io.noetl.schemas.Names;
import io.noetl.schemas.Ulid;
import io.noetl.schemas.nats.JetStreamSetup;
import io.noetl.schemas.playbook.Playbook;
import io.noetl.schemas.playbook.PlaybookParser;
import io.noetl.server.engine.Engine;
import io.noetl.server.engine.ExecutionState;
import io.noetl.server.runtime.ExecutionStore;
import io.noetl.testkit.NatsTestServer;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The execution store keeps an index of non-terminal executions, the reaper's whole work list. */
class ExecutionStoreIT {

    private static final Playbook PLAYBOOK = PlaybookParser.parse(Playbooks.linear("flows/store", 2));

    @Test
    void activeIndexHoldsExactlyTheExecutionsThatHaveNotEnded() throws Exception {
        Names names = TestServer.uniqueNames("store");
        try (Connection nc = Nats.connect(NatsTestServer.shared().url())) {
            JetStreamSetup.ensure(nc, names);
            ExecutionStore store = new ExecutionStore(nc, names);
            Engine engine = new Engine(Clock.systemUTC(), "http://127.0.0.1:8080");

            ExecutionState running = engine.start(Ulid.next(), PLAYBOOK, 1, Map.of(), null, null).state();
            ExecutionState ending = engine.start(Ulid.next(), PLAYBOOK, 1, Map.of(), null, null).state();
            store.create(running);
            ExecutionStore.Stored stored = store.create(ending);
            assertThat(store.activeIds()).containsExactlyInAnyOrder(running.executionId(), ending.executionId());

            ExecutionState cancelled = engine.cancel(ending, PLAYBOOK, "done with it").state();
            store.update(cancelled, stored.revision());

            assertThat(store.activeIds()).containsExactly(running.executionId());
            assertThat(store.ids()).contains(running.executionId(), ending.executionId());
            store.forgetActive(running.executionId());
            assertThat(store.activeIds()).isEmpty();
        }
    }
}
