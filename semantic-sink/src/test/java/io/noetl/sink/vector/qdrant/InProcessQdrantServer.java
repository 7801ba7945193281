package io.noetl.sink.vector.qdrant;

import io.grpc.ManagedChannel;
import io.grpc.Metadata;
import io.grpc.Server;
import io.grpc.ServerBuilder;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.ServerInterceptors;
import io.grpc.Status;
import io.grpc.inprocess.InProcessChannelBuilder;
import io.grpc.inprocess.InProcessServerBuilder;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.grpc.stub.StreamObserver;
import io.noetl.embedded.LoopbackPorts;
import io.qdrant.client.grpc.QdrantGrpc;
import io.qdrant.client.grpc.QdrantOuterClass.HealthCheckReply;
import io.qdrant.client.grpc.QdrantOuterClass.HealthCheckRequest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * A Qdrant-protocol gRPC server inside the test JVM, driven by the real Qdrant Java client over an in-process
 * channel. It answers what {@link QdrantVectorStore} calls with Qdrant's semantics and error statuses: health check,
 * collections (create, delete, list, get, exists), aliases (atomic update, list), points (upsert, delete, get,
 * count, exact search and nearest query with payload filters) and payload indexes. Data lives in memory and survives
 * {@link #stop()} and {@link #start()}, so a test can take the store down and bring it back; while stopped, calls
 * fail with UNAVAILABLE as they would against an unreachable server. {@link #startOnLoopback} also serves the same
 * data on a loopback TCP port, for code that connects by address ({@code QDRANT_URL}).
 */
public final class InProcessQdrantServer implements AutoCloseable {

    /** The version the health check reports; the client of this build speaks to 1.18.x servers. */
    public static final String VERSION = "1.18.0";

    private static final Metadata.Key<String> API_KEY = Metadata.Key.of("api-key", Metadata.ASCII_STRING_MARSHALLER);

    private final String name = "qdrant-" + UUID.randomUUID();
    private final QdrantMemory memory = new QdrantMemory();
    private final String apiKey;
    private final int port;
    private volatile Duration answerDelay = Duration.ZERO;
    private Server server;
    private Server loopback;

    private InProcessQdrantServer(String apiKey, int port) {
        this.apiKey = apiKey;
        this.port = port;
    }

    /**
     * @return a started server that also listens on a free loopback TCP port (HTTP/2, as Qdrant's gRPC port), for
     *         code that connects by address; see {@link #port()}
     */
    public static InProcessQdrantServer startOnLoopback(String apiKey) {
        InProcessQdrantServer s = new InProcessQdrantServer(apiKey, LoopbackPorts.free());
        s.start();
        return s;
    }

    /** @return the loopback port, or 0 when the server is reachable in-process only */
    public int port() {
        return port;
    }

    /** @return a started server that refuses calls without this API key (null: accepts every call) */
    public static InProcessQdrantServer startNew(String apiKey) {
        InProcessQdrantServer s = new InProcessQdrantServer(apiKey, 0);
        s.start();
        return s;
    }

    /** @return a started server without an API key */
    public static InProcessQdrantServer startNew() {
        return startNew(null);
    }

    /** Starts (or restarts) serving; the data kept from before is served again. */
    public synchronized void start() {
        if (server != null) {
            return;
        }
        try {
            server = withServices(InProcessServerBuilder.forName(name)).build().start();
            if (port > 0) {
                loopback = withServices(NettyServerBuilder.forAddress(new InetSocketAddress("127.0.0.1", port)))
                        .build().start();
            }
        } catch (IOException e) {
            stop();
            throw new UncheckedIOException("start Qdrant-protocol server " + name
                    + (port > 0 ? " on 127.0.0.1:" + port : ""), e);
        }
    }

    private ServerBuilder<?> withServices(ServerBuilder<?> b) {
        return b.executor(Executors.newVirtualThreadPerTaskExecutor())
                .addService(ServerInterceptors.intercept(new HealthService(), auth()))
                .addService(ServerInterceptors.intercept(new InProcessCollectionsService(memory), auth()))
                .addService(ServerInterceptors.intercept(new InProcessPointsService(memory), auth()));
    }

    /** Stops serving; the data stays for the next {@link #start()}. */
    public synchronized void stop() {
        for (Server s : new Server[] {server, loopback}) {
            if (s == null) {
                continue;
            }
            s.shutdownNow();
            try {
                s.awaitTermination(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        server = null;
        loopback = null;
    }

    /** Makes every call wait this long before it is handled (a slow or overloaded server); zero for none. */
    public void answerAfter(Duration delay) {
        answerDelay = delay;
    }

    /** @return whether the server is serving */
    public synchronized boolean isRunning() {
        return server != null;
    }

    /** @return a new channel to this server (it reaches the server whenever it is started) */
    public ManagedChannel channel() {
        return InProcessChannelBuilder.forName(name).directExecutor().build();
    }

    /** The collections and points, for tests that look at what was stored. */
    QdrantMemory memory() {
        return memory;
    }

    @Override
    public void close() {
        stop();
    }

    private ServerInterceptor auth() {
        return new ServerInterceptor() {
            @Override
            public <Q, A> ServerCall.Listener<Q> interceptCall(ServerCall<Q, A> call, Metadata headers,
                    ServerCallHandler<Q, A> next) {
                Duration delay = answerDelay;
                if (!delay.isZero()) {
                    try {
                        Thread.sleep(delay);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
                if (apiKey != null && !apiKey.equals(headers.get(API_KEY))) {
                    call.close(Status.UNAUTHENTICATED.withDescription("Must provide an API key or an "
                            + "Authorization bearer token"), new Metadata());
                    return new ServerCall.Listener<>() {
                    };
                }
                return next.startCall(call, headers);
            }
        };
    }

    private static final class HealthService extends QdrantGrpc.QdrantImplBase {
        @Override
        public void healthCheck(HealthCheckRequest request, StreamObserver<HealthCheckReply> out) {
            Rpc.answer(out, () -> HealthCheckReply.newBuilder().setTitle("qdrant - vector search engine")
                    .setVersion(VERSION).build());
        }
    }
}
