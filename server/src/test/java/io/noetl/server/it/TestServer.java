package io.noetl.server.it;

import io.noetl.schemas.Names;
import io.noetl.server.ServerConfig;
import io.noetl.server.ServerRole;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

/** A {@link ServerRole} on a test NATS server, with names of its own so tests do not see each other. */
final class TestServer implements AutoCloseable {

    private static final AtomicInteger SEQ = new AtomicInteger();

    final ServerRole role;
    final Http http;
    final Names names;
    final String natsUrl;

    private TestServer(ServerRole role, Names names, String natsUrl) {
        this.role = role;
        this.http = new Http(role.httpPort());
        this.names = names;
        this.natsUrl = natsUrl;
    }

    static Names uniqueNames(String tag) {
        return new Names("t" + ProcessHandle.current().pid() + "_" + SEQ.incrementAndGet() + "_" + tag + "_");
    }

    static ServerConfig config(String natsUrl, Names names, String serverId) {
        return new ServerConfig(natsUrl, 0, serverId, 4, Duration.ofSeconds(1), Duration.ofSeconds(5), names);
    }

    static TestServer start(String natsUrl, Names names) {
        return new TestServer(ServerRole.start(config(natsUrl, names, "test-server")), names, natsUrl);
    }

    static TestServer start(ServerConfig config) {
        return new TestServer(ServerRole.start(config), config.names(), config.natsUrl());
    }

    @Override
    public void close() {
        role.close();
    }
}
