package io.noetl.app.cli;

import io.nats.client.Connection;
import io.noetl.app.admin.AdminReplay;
import io.noetl.app.admin.ReindexRoutes;
import io.noetl.app.client.NoetlClient;
import io.noetl.app.demo.AlertFeed;
import io.noetl.app.demo.DemoExecution;
import io.noetl.app.demo.DemoRunner;
import io.noetl.app.demo.DemoServices;
import io.noetl.app.demo.Examples;
import io.noetl.app.demo.LatencyPhase;
import io.noetl.app.demo.PostgresProbe;
import io.noetl.app.demo.StoreReport;
import io.noetl.app.infra.EmbeddedNats;
import io.noetl.app.infra.InsightStores;
import io.noetl.app.infra.Lifecycle;
import io.noetl.app.infra.StreamRoles;
import io.noetl.embedded.LoopbackPorts;
import io.noetl.schemas.nats.NatsConnections;
import io.noetl.schemas.settings.Env;
import io.noetl.server.ServerConfig;
import io.noetl.server.ServerRole;
import io.noetl.worker.WorkerConfig;
import io.noetl.worker.WorkerRole;
import java.io.PrintWriter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;

/**
 * NATS (private if none answers), server, worker, Kafka, the topology, the sink and the bridge, and the examples' fake
 * outside world in one JVM; prints every alert as it arrives, runs the examples, provokes a latency alert, then says
 * what the vector and analytics stores hold.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Start NATS (if needed), a server, a worker, Kafka, the topology, the sink and the bridge, run "
                + "every example, provoke a latency alert, print alerts as they arrive and what the stores hold, and "
                + "wait for Ctrl-C.")
public final class DemoCommand extends ForegroundCommand {

    public DemoCommand(Map<String, String> env) {
        super(env);
    }

    @Override
    void start(Lifecycle life, PrintWriter out) throws InterruptedException {
        Map<String, String> roleEnv = new HashMap<>(env);
        roleEnv.putIfAbsent("NOETL_DEMO_PG_URL", PostgresProbe.DEFAULT_URL);
        EmbeddedNats nats = life.add(EmbeddedNats.ensure(env));
        roleEnv.put("NATS_URL", nats.url());
        out.println("NATS: " + nats.url() + (nats.owned() ? " (private nats-server)" : ""));

        ServerConfig serverConfig = ServerConfig.fromEnv(roleEnv);
        int wanted = serverConfig.httpPort();
        int port = wanted > 0 && LoopbackPorts.isFree(wanted) ? wanted : 0;
        // the demo's API serves reindex requests for its sink too (noetl replay follows them)
        ReindexRoutes reindex = new ReindexRoutes();
        ServerRole server = life.add(ServerRole.start(serverConfig.withHttpPort(port), List.of(reindex)));
        life.add(WorkerRole.start(WorkerConfig.fromEnv(roleEnv)));
        StreamRoles.Started stream = StreamRoles.start(roleEnv, life, out);
        if (stream.sink() != null) {
            AdminReplay.serve(stream.sink(), stream.bootstrapServers(), roleEnv, reindex, life);
            InsightStores.fromSink(server, stream.sink(), life);
        }
        Connection alertsConnection = life.add(NatsConnections.connect(nats.url(),
                stream.names().prefix() + "noetl-demo-alerts"));
        AlertFeed alerts = life.add(AlertFeed.start(alertsConnection, stream.names(), line -> say(out, line)));
        out.println("alerts: printed as they arrive on " + stream.names().alertsWildcard());
        DemoServices services = life.add(DemoServices.start());
        out.println("API: http://127.0.0.1:" + server.httpPort());
        out.println("demo services (flaky API, approval service): " + services.baseUrl());
        out.flush();

        boolean pg = PostgresProbe.reachable(roleEnv.get("NOETL_DEMO_PG_URL"));
        NoetlClient client = new NoetlClient("http://127.0.0.1:" + server.httpPort());
        // closed first at shutdown, so the watchers of waiting executions stop before the API does
        DemoRunner runner = life.add(new DemoRunner(client, services, Env.of(env).dataDir(), out));
        List<DemoExecution> waiting = runner.run(Examples.load(env), pg);
        new LatencyPhase(client, services, runner.workload(), out).run(alerts);
        for (String line : StoreReport.settle(stream.sink())) {
            say(out, line);
        }
        runner.explainFailures(server.httpPort());
        runner.explainApprovals(waiting, server.httpPort());
    }

    private static void say(PrintWriter out, String line) {
        synchronized (out) {
            out.println(line);
            out.flush();
        }
    }
}
