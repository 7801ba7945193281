package io.noetl.app.infra;

import io.noetl.embedded.LoopbackPorts;
import io.noetl.schemas.settings.Env;
import io.noetl.embedded.nats.NatsProbe;
import io.noetl.embedded.nats.NatsServer;
import io.noetl.embedded.nats.NatsServerBinary;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The NATS server of the embedded default: the one at {@code NATS_URL} (default {@code nats://127.0.0.1:4222}) when
 * it answers, otherwise a private {@code nats-server -js} ({@link NatsServer}, found through
 * {@code NATS_SERVER_BIN}, {@code PATH} or the usual folders) started here on the port of {@code NATS_URL} (another
 * free one when it is taken), with its JetStream store under {@code NOETL_DATA_DIR} (default {@code ./.noetl/data})
 * {@code /nats}, and stopped by {@link #close()}.
 */
public final class EmbeddedNats implements AutoCloseable {

    public static final String DEFAULT_URL = "nats://127.0.0.1:4222";
    public static final String NOT_INSTALLED =
            "nats-server is not installed: run 'apt-get install -y nats-server' (as root) or set NATS_URL";

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedNats.class);

    private final String url;
    private final NatsServer server;

    private EmbeddedNats(String url, NatsServer server) {
        this.url = url;
        this.server = server;
    }

    /** Uses the server at {@code NATS_URL} if it answers, else starts a private one. */
    public static EmbeddedNats ensure(Map<String, String> env) {
        return ensure(env, NatsServerBinary.candidates(env));
    }

    static EmbeddedNats ensure(Map<String, String> env, List<Path> binaryCandidates) {
        Env settings = Env.of(env);
        String configured = settings.natsUrl();
        if (NatsProbe.answers(configured, Duration.ofMillis(500))) {
            LOG.info("using NATS at {}", configured);
            return new EmbeddedNats(configured, null);
        }
        Path binary = NatsServerBinary.find(binaryCandidates)
                .orElseThrow(() -> new IllegalStateException(NOT_INSTALLED));
        Path storeDir = settings.dataDir().resolve("nats");
        NatsServer server = NatsServer.open(binary, LoopbackPorts.freeOr(preferredPort(configured)), storeDir);
        return new EmbeddedNats(server.url(), server);
    }

    private static int preferredPort(String natsUrl) {
        try {
            int port = URI.create(natsUrl.split(",")[0].trim()).getPort();
            return port > 0 ? port : 4222;
        } catch (IllegalArgumentException e) {
            return 4222;
        }
    }

    /** URL to connect to. */
    public String url() {
        return url;
    }

    /** Whether this instance started (and owns) the server process. */
    public boolean owned() {
        return server != null;
    }

    /** Stops the server this instance started; its store stays. */
    @Override
    public void close() {
        if (server != null) {
            server.close();
        }
    }
}
