package io.noetl.app.cli;

import io.noetl.app.admin.AdminReplay;
import io.noetl.app.admin.ReindexRoutes;
import io.noetl.app.infra.EmbeddedNats;
import io.noetl.app.infra.InsightStores;
import io.noetl.app.infra.Lifecycle;
import io.noetl.app.infra.StreamRoles;
import io.noetl.server.ServerConfig;
import io.noetl.server.ServerRole;
import io.noetl.worker.WorkerConfig;
import io.noetl.worker.WorkerRole;
import java.io.PrintWriter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A command that runs a set of roles in the foreground until Ctrl-C, started in the order that closes them right
 * (the lifecycle closes in reverse): NATS, server, workers, then the stream roles (Kafka, topics, topology, bridge,
 * relay, sink).
 */
abstract class RoleCommand extends ForegroundCommand {

    private final boolean server;
    private final boolean worker;
    private final boolean streams;
    private final boolean sink;

    /**
     * @param server  the server, with a private NATS when none answers
     * @param worker  a worker
     * @param streams Kafka (embedded unless configured), its topics, the topology, the event bridge and the alert
     *                relay
     * @param sink    with the streams, the sink into the vector and analytics stores
     */
    RoleCommand(Map<String, String> env, boolean server, boolean worker, boolean streams, boolean sink) {
        super(env);
        this.server = server;
        this.worker = worker;
        this.streams = streams;
        this.sink = sink;
    }

    @Override
    final void start(Lifecycle life, PrintWriter out) {
        // the API serves reindex requests once a sink runs in this process
        ReindexRoutes reindex = new ReindexRoutes();
        Map<String, String> roleEnv = env;
        if (server) {
            // the server owns the streams; it brings up a private NATS when none answers
            EmbeddedNats nats = life.add(EmbeddedNats.ensure(env));
            roleEnv = withNats(env, nats.url());
            out.println("NATS: " + nats.url() + (nats.owned() ? " (private nats-server)" : ""));
        }
        ServerRole role = null;
        if (server) {
            role = life.add(ServerRole.start(ServerConfig.fromEnv(roleEnv), List.of(reindex)));
            out.println("API: http://127.0.0.1:" + role.httpPort());
        }
        if (worker) {
            WorkerConfig config = WorkerConfig.fromEnv(roleEnv);
            life.add(WorkerRole.start(config));
            out.println("worker " + config.workerId() + " pulling pool '" + config.pool() + "'");
        }
        if (streams) {
            StreamRoles.Started started = StreamRoles.start(roleEnv, life, out, sink);
            if (role != null && started.sink() != null) {
                AdminReplay.serve(started.sink(), started.bootstrapServers(), roleEnv, reindex, life);
                InsightStores.fromSink(role, started.sink(), life);
            }
        } else if (role != null) {
            InsightStores.fromEnvironment(role, roleEnv, life, out);
        }
        sayRunning(out);
    }

    static Map<String, String> withNats(Map<String, String> env, String natsUrl) {
        Map<String, String> copy = new HashMap<>(env);
        copy.put("NATS_URL", natsUrl);
        return copy;
    }
}
