package io.noetl.sink.vector.qdrant;

import io.grpc.ManagedChannel;
import io.grpc.Metadata;
import io.grpc.Server;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.ServerInterceptors;
import io.grpc.Status;
import io.grpc.inprocess.InProcessChannelBuilder;
import io.grpc.inprocess.InProcessServerBuilder;
import io.grpc.stub.StreamObserver;
import io.qdrant.client.grpc.QdrantGrpc;
import io.qdrant.client.grpc.QdrantOuterClass.HealthCheckReply;
import io.qdrant.client.grpc.QdrantOuterClass.HealthCheckRequest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * A Qdrant-protocol gRPC server inside the test JVM, driven by the real Qdrant Java client over an in-process
 * channel. It answers what {@link QdrantVectorStore} calls with Qdrant's semantics and error statuses: health check,
 * collections (create, delete, list, get, exists), aliases (atomic update, list), points (upsert, delete, get,
 * count, exact search and nearest query with payload filters) and payload indexes. Data lives in memory and survives
 * {@link #stop()} and {@link #start()}, so a test can take the store down and bring it back; while stopped, calls
 * fail with UNAVAILABLE as they would against an unreachable server.
 */
public final class InProcessQdrantServer implements AutoCloseable {

    /** The version the health check reports; the client of this build speaks to 1.18.x servers. */
    public static final String VERSION = "1.18.0";

    private static final Metadata.Key<String> API_KEY = Metadata.Key.of("api-key", Metadata.ASCII_STRING_MARSHALLER);

    private final String name = "qdrant-" + UUID.randomUUID();
    private final QdrantMemory memory = new QdrantMemory();
    private final String apiKey;
    private Server server;

    private InProcessQdrantServer(String apiKey) {
        this.apiKey = apiKey;
    }

    /** @return a started server that refuses calls without this API key (null: accepts every call) */
    public static InProcessQdrantServer startNew(String apiKey) {
        InProcessQdrantServer s = new InProcessQdrantServer(apiKey);
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
        InProcessServerBuilder b = InProcessServerBuilder.forName(name)
                .executor(Executors.newVirtualThreadPerTaskExecutor());
        b.addService(ServerInterceptors.intercept(new HealthService(), auth()));
        b.addService(ServerInterceptors.intercept(new InProcessCollectionsService(memory), auth()));
        b.addService(ServerInterceptors.intercept(new InProcessPointsService(memory), auth()));
        try {
            server = b.build().start();
        } catch (IOException e) {
            throw new UncheckedIOException("start in-process Qdrant server " + name, e);
        }
    }

    /** Stops serving; the data stays for the next {@link #start()}. */
    public synchronized void stop() {
        if (server == null) {
            return;
        }
        server.shutdownNow();
        try {
            server.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        server = null;
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
