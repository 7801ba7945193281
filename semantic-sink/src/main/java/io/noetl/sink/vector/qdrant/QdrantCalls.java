package io.noetl.sink.vector.qdrant;

import com.google.common.util.concurrent.ListenableFuture;
import io.grpc.ManagedChannel;
import io.grpc.Status;
import io.noetl.stores.vector.VectorStoreException;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/**
 * Waits for Qdrant calls and decides, in one place, what a failure means: a refusal of the input (unknown collection,
 * wrong dimension, already exists) is an {@link IllegalArgumentException}; everything else (unreachable, deadline
 * passed, unauthenticated, server error) is a {@link VectorStoreException} naming the operation, which a sink
 * retries.
 */
final class QdrantCalls {

    /** Extra wait past the call's own gRPC deadline before giving up on a future that never completes. */
    private static final long GRACE_MS = 5_000;

    private final ManagedChannel channel;
    private final Duration timeout;
    private final String endpoint;

    QdrantCalls(ManagedChannel channel, Duration timeout, String endpoint) {
        this.channel = channel;
        this.timeout = timeout;
        this.endpoint = endpoint;
    }

    Duration timeout() {
        return timeout;
    }

    String endpoint() {
        return endpoint;
    }

    /**
     * @param collection the collection the call addresses, so NOT_FOUND becomes {@link UnknownCollection}; null
     *                   when the call is not about one collection
     */
    <T> T await(String operation, String collection, Supplier<ListenableFuture<T>> call) {
        ListenableFuture<T> future = call.get();
        try {
            return future.get(timeout.toMillis() + GRACE_MS, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            future.cancel(true);
            throw new VectorStoreException(operation + " (interrupted)", e);
        } catch (TimeoutException e) {
            future.cancel(true);
            throw new VectorStoreException(operation + " (no answer from Qdrant at " + endpoint + " within "
                    + timeout + ")", e);
        } catch (ExecutionException e) {
            throw translate(operation, collection, e.getCause());
        }
    }

    private RuntimeException translate(String operation, String collection, Throwable cause) {
        Status status = Status.fromThrowable(cause);
        String detail = status.getDescription() == null ? status.getCode().toString() : status.getDescription();
        return switch (status.getCode()) {
            case NOT_FOUND -> collection != null
                    ? new UnknownCollection("unknown collection '" + collection + "' in Qdrant at " + endpoint
                            + " (" + operation + ")")
                    : new IllegalArgumentException(operation + ": " + detail);
            case INVALID_ARGUMENT, ALREADY_EXISTS, FAILED_PRECONDITION, OUT_OF_RANGE ->
                    new IllegalArgumentException(operation + ": " + detail);
            case UNAVAILABLE -> {
                // the caller paces its own retries; let the next call try to connect at once, not after gRPC's backoff
                channel.resetConnectBackoff();
                yield new VectorStoreException(operation + " (Qdrant at " + endpoint + ")", cause);
            }
            default -> new VectorStoreException(operation + " (Qdrant at " + endpoint + ")", cause);
        };
    }

    /** The server does not know the collection; an {@link IllegalArgumentException} as the store's contract asks. */
    static final class UnknownCollection extends IllegalArgumentException {
        UnknownCollection(String message) {
            super(message);
        }
    }
}
